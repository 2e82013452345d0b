/**
 * Demo content for the Roundtable seed: domains, articles, members and insights.
 *
 * Pure data, no I/O. All prose is original writing for Roundtable.
 * Markdown bodies are plain CommonMark + GFM (no raw HTML, no images) and are
 * written flush-left inside template literals so they do not render as code blocks.
 */

export type SeedDomain = {
  slug: string;
  name: string;
  description: string;
  parentSlug?: string;
  position: number;
};
export type SeedSection = { title: string; body: string; acceptsInsights: boolean }; // body is Markdown
export type SeedArticle = {
  slug: string;
  title: string;
  summary: string;
  kind: "COLLABORATIVE" | "GUIDE";
  domainSlug: string;
  publishedDaysAgo: number;
  sections: SeedSection[];
};
export type SeedMember = {
  handle: string;
  name: string;
  email: string;
  headline: string;
  joinedDaysAgo: number;
};
export type SeedInsight = {
  articleSlug: string;
  sectionTitle: string;
  authorHandle: string;
  body: string;
  daysAgo: number;
};

// ---------------------------------------------------------------------------
// Domains (parents listed before their children)
// ---------------------------------------------------------------------------

export const seedDomains: SeedDomain[] = [
  {
    slug: "engineering",
    name: "Engineering",
    description: "Building and running software, from application code to the infrastructure underneath it.",
    position: 0,
  },
  {
    slug: "software-development",
    name: "Software Development",
    description:
      "Designing, writing and maintaining applications across the frontend, the backend and everything in between.",
    parentSlug: "engineering",
    position: 0,
  },
  {
    slug: "cloud-and-devops",
    name: "Cloud and DevOps",
    description:
      "Infrastructure, automation and delivery pipelines, plus the practices that keep systems healthy in production.",
    parentSlug: "engineering",
    position: 1,
  },
  {
    slug: "careers",
    name: "Careers",
    description:
      "Growing a career in technology: choosing a direction, building skills and moving between specialties.",
    position: 1,
  },
  {
    slug: "career-guides",
    name: "Career Guides",
    description:
      "In-depth guides to individual roles, covering what the work involves, how it progresses and how it compares with neighbouring positions.",
    parentSlug: "careers",
    position: 0,
  },
  {
    slug: "data-and-ai",
    name: "Data and AI",
    description:
      "Collecting, processing and putting data to work, from pipelines and analytics to intelligent systems.",
    position: 2,
  },
  {
    slug: "machine-learning",
    name: "Machine Learning",
    description:
      "Training, deploying and maintaining machine learning models, and the engineering that makes them dependable.",
    parentSlug: "data-and-ai",
    position: 0,
  },
];

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

const frontendVsBackendCareerGrowth: SeedArticle = {
  slug: "frontend-vs-backend-career-growth",
  title: "In What Ways Do Frontend and Backend Roles Offer Different Opportunities for Career Growth?",
  summary:
    "Frontend and backend work can both lead to rewarding careers, but they reward different strengths and tend to open different doors. This article compares the two across specialization, visibility, pace of change, leadership and more, and invites practitioners to add what they have seen first-hand.",
  kind: "COLLABORATIVE",
  domainSlug: "software-development",
  publishedDaysAgo: 30,
  sections: [
    {
      title: "Specialization vs Versatility",
      body: `Working on the frontend tends to pull people toward deep expertise in how an interface looks, feels and responds: layout and styling, JavaScript behaviour, accessibility and the frameworks that tie them together. Backend work spreads wider across the layers underneath, covering server code, data storage, API contracts and the architecture that keeps an application dependable as it grows. Neither direction is better in itself. The real question is whether you want to become the person a team trusts with the interface, or the one they turn to when the system itself needs designing.`,
      acceptsInsights: true,
    },
    {
      title: "User Impact vs System Impact",
      body: `Frontend engineers see the results of their work every time someone opens the product, and that visibility is both motivating and easy to point to when growth conversations come around. It often leads toward roles such as UX lead or product designer. Backend engineers earn recognition in a different currency: faster responses, fewer incidents, stronger security and cleaner data. Customers rarely notice those gains directly, yet the business values them highly, and they commonly lead toward solutions architecture or DevOps management. The kind of impact you enjoy making is a good hint about which path will feel rewarding.`,
      acceptsInsights: true,
    },
    {
      title: "Rapidly Changing Technologies vs Stability",
      body: `The frontend ecosystem moves quickly. New frameworks, build tools and design conventions appear every year, so growth there depends on steady learning and a willingness to let go of yesterday's favourites. Backend foundations shift more slowly. Relational databases, messaging systems and the principles of distributed computing have stayed relevant for decades, which rewards patient, compounding expertise. Someone who enjoys constant novelty may thrive on the frontend, while someone who prefers to build lasting knowledge of durable systems, and to be trusted with reliability and scale, may find the backend a better long-term fit.`,
      acceptsInsights: true,
    },
    {
      title: "Collaboration Opportunities",
      body: `Day to day, frontend developers spend a lot of time with designers, product managers and sometimes the people who use the product, which sharpens their ability to explain trade-offs to non-engineers and turn loose ideas into concrete screens. Backend developers more often pair with fellow engineers, platform teams and operations staff, building depth in technical negotiation, design reviews and incident response. Both kinds of collaboration develop valuable interpersonal skills. They simply exercise different muscles, and those muscles influence the kinds of roles people are later invited to step into.`,
      acceptsInsights: true,
    },
    {
      title: "Career Progression Paths",
      body: `Because they work so close to the interface and the overall experience, frontend engineers frequently move toward frontend lead positions, into UI and UX design, or across into product management. Backend engineers more commonly progress to backend lead, site reliability engineering or infrastructure management, where the emphasis falls on systems rather than screens. These routes are tendencies rather than rules, and plenty of people cross from one to the other. Still, it helps to know which doors each specialty usually opens when you are planning the next few years.`,
      acceptsInsights: true,
    },
    {
      title: "Entrepreneurial and Freelance Opportunities",
      body: `Frontend skills make it possible to put a working prototype in front of customers quickly, which is valuable when launching a startup or taking on freelance projects where a polished website or app is the deliverable. Backend expertise supports a different kind of independence: building services, APIs or platforms that can become the product in their own right, or advising companies as a consultant on architecture and scale. Founders and freelancers often discover that whichever side they start on, they soon need a working grasp of the other.`,
      acceptsInsights: true,
    },
    {
      title: "Skill Transfer and Hybrid Roles",
      body: `Neither specialty is a dead end. Frontend developers can pick up server-side skills and grow into full-stack roles, gaining the ability to ship whole features on their own. Backend developers can move the same way toward the interface, or lean further into infrastructure and take on DevOps duties such as deployment pipelines and monitoring. Hybrid profiles are especially common on smaller teams, where flexibility is prized, and even in large organizations they help people understand the constraints their colleagues face on the other side of the API.`,
      acceptsInsights: true,
    },
    {
      title: "Influence on Product Strategy",
      body: `Frontend specialists see how people actually behave inside a product, which gives them persuasive evidence in conversations about design and priorities and can carry them quickly into roles that shape product direction. Backend specialists influence strategy from another angle: they design the scalable foundations that make new features and services possible, and their judgement informs decisions about where to invest in infrastructure and which technical bets to place. Both perspectives belong at the planning table, and strong product organizations make a point of listening to each.`,
      acceptsInsights: true,
    },
    {
      title: "Certifications and Formal Education Pathways",
      body: `Backend work maps neatly onto a traditional computer science education, and it has a well-established set of credentials, such as cloud provider certifications and database administration qualifications, that can give a career a clear structure. Frontend professionals can also benefit from certificates, but their milestones are more often demonstrated through a strong portfolio, design training and a record of measurable improvements to the user experience. Anyone planning their development should ask which kind of evidence their target employers actually look for.`,
      acceptsInsights: true,
    },
    {
      title: "Leadership and Management Tracks",
      body: `Both specialties lead naturally into leadership, but the substance of the role tends to differ. Frontend leaders usually manage interface teams and refine the processes behind the user experience, such as design reviews, accessibility standards and shared component libraries. Backend leaders generally oversee teams accountable for reliability, security and performance, with on-call rotations and capacity planning as part of the job. Those responsibilities shape which leadership skills people build and, in turn, which senior positions they are best prepared to take on.`,
      acceptsInsights: true,
    },
    {
      title: "What else to take into account",
      body: `This space is for experiences and examples that did not fit neatly into the sections above. Perhaps you moved from one side of the stack to the other, built a hybrid career, or noticed a growth pattern we have not covered. If you have a story, a lesson or a counterpoint that could help someone weighing these paths, please share it here.`,
      acceptsInsights: true,
    },
  ],
};

const backendEngineerAlternatives: SeedArticle = {
  slug: "backend-engineer-alternatives",
  title: "Alternatives to the Backend Engineer Role",
  summary:
    "Six roles that build on backend experience, ranked and compared: what each involves day to day, who tends to thrive in it, and how to decide which direction suits you.",
  kind: "GUIDE",
  domainSlug: "career-guides",
  publishedDaysAgo: 21,
  sections: [
    {
      title: "Why look beyond the backend toolkit",
      body: `Backend engineering is the craft of the server side: keeping an application fast under load, keeping its data correct and making sure the system can grow. Daily work usually involves a language such as Java, Python or Go, a framework like Spring Boot or Django, a relational database such as PostgreSQL, and container tooling like Docker and Kubernetes. It is foundational work that every serious product depends on, yet it does not match every engineer's long-term ambitions or the kinds of problems they most enjoy.

There are good reasons to look around. Engineers who like visual work and direct contact with users often gravitate toward frontend or fullstack positions. Those who get the most satisfaction from automating infrastructure and keeping releases smooth may be happier in DevOps. People drawn to large-scale data processing and warehousing tend to find data engineering a natural home. Exploring adjacent roles lets you match your strengths to new technical challenges and a wider scope of responsibility, without throwing away what you already know.`,
      acceptsInsights: true,
    },
    {
      title: "Top alternatives ranked",
      body: `1. **Fullstack Engineer** — owns features across the whole application, from the interface down to the database.

   Fullstack engineers move comfortably between the browser and the server. In a single week they might build a form in React or Vue, write the API endpoint behind it in Node.js or Django, and adjust the database schema it depends on. The role suits people who like to carry an idea all the way from sketch to production, and it rewards adaptability and a clear mental model of how every layer of an application fits together.

   **Best for:**

   - Engineers who like touching every layer of the stack
   - People motivated by shipping whole features end to end
   - Anyone who wants variety across UI, API, data and deployment work
   - Problem-solvers who like seeing concrete results quickly

2. **DevOps Engineer** — connects development and operations by automating infrastructure and releases.

   DevOps engineers make the path from a merged commit to a healthy production system shorter and safer. They automate how infrastructure is provisioned, build continuous integration and delivery pipelines, and put monitoring and logging in place so that problems surface early. Typical tools include Docker and Kubernetes for running workloads, Jenkins or GitLab CI for pipelines, and one or more of the major cloud platforms. Engineers who care about automation, reliability and the everyday experience of their fellow developers tend to enjoy this work.

   **Best for:**

   - Engineers who love removing manual steps and repetitive toil
   - People who enjoy working where development meets operations
   - Those motivated by building resilient systems that scale
   - Anyone keen on cloud platforms and infrastructure as code

3. **Data Engineer** — builds and runs the pipelines and platforms that move and store data.

   Data engineers design the infrastructure that collects, stores, transforms and serves an organization's data. Much of the job is building pipelines that carry data reliably from many sources into warehouses or data lakes, using tools such as Apache Spark for distributed processing, Apache Airflow for orchestration, a mix of SQL and NoSQL stores, and managed cloud services for storage and querying. It suits people who like large datasets, efficient data flow, and making sure analysts and machine learning teams can trust what they query.

   **Best for:**

   - People who want to build dependable, scalable data platforms
   - Problem-solvers who enjoy tuning workflows for speed and cost
   - Engineers curious about where software meets data systems
   - Those comfortable with big datasets and distributed computing

4. **ML Engineer** — takes machine learning models into production and keeps them healthy there.

   ML engineers bring solid software engineering to machine learning. They prepare data, train and evaluate models, package those models behind APIs, and watch how they behave once real traffic arrives. Python is the usual language, alongside frameworks such as PyTorch or TensorFlow and MLOps tooling that manages the model lifecycle. Backend engineers start with a real advantage here, because reliable serving, versioning and monitoring are exactly the problems that decide whether a model delivers value at scale.

   **Best for:**

   - Engineers who want to see models working inside real products
   - People with a footing in both software engineering and machine learning
   - Those who like tackling messy, real-world problems with data
   - Anyone interested in building reliable AI-powered features

5. **Cloud Architect** — shapes an organization's cloud strategy and the infrastructure that follows from it.

   Cloud architects work at the level of strategy and design. They decide which platforms, services and standards an organization adopts, and they plan for security, networking, resilience and cost across providers such as AWS, Azure and Google Cloud. Infrastructure as code tools like Terraform are part of their daily vocabulary, but so is explaining complex trade-offs to non-technical stakeholders. The role fits engineers who enjoy long-range planning and large-scale system design more than writing feature code every day.

   **Best for:**

   - Engineers with deep, hands-on knowledge of cloud platforms
   - People who enjoy designing large, complex systems
   - Those who want to own strategic infrastructure and platform choices
   - Professionals skilled at weighing technical needs against business goals

6. **Frontend Engineer** — builds the interfaces and experiences that users interact with directly.

   Frontend engineers own the client side of an application: the screens, controls and interactions people actually use. They work in HTML, CSS and JavaScript, usually with a framework such as React, Vue or Angular, and they turn design files into pages that are responsive, accessible and fast on every device and browser. For a backend engineer this is the biggest shift on the list, but it can be deeply satisfying for anyone with a good eye and a strong interest in how people experience a product.

   **Best for:**

   - People who care about interface craft and user experience
   - Developers who like solving visual and interaction problems
   - Those who enjoy instant visual feedback from their code
   - Engineers curious about browser internals and client-side performance`,
      acceptsInsights: true,
    },
    {
      title: "Side-by-side",
      body: `| Role | Primary focus | Key skills | Common tools | Typical deliverables |
| --- | --- | --- | --- | --- |
| Backend Engineer | Server-side logic, APIs, data storage and system architecture | API design, database management, distributed systems, scalability | Java, Python or Go; Spring Boot, Django or Express; PostgreSQL, MongoDB; Docker, Kubernetes | APIs, microservices, database schemas, system integrations |
| Fullstack Engineer | End-to-end application work across frontend and backend | UI development, API development, working with databases, deployment | React, Vue or Angular; Node.js or Python; SQL and NoSQL databases; Git; CI/CD | Complete features, web applications, interactive experiences |
| DevOps Engineer | Infrastructure automation, CI/CD, reliability and monitoring | Cloud platforms, scripting, containers and orchestration, SRE practices | AWS, Azure or GCP; Docker; Kubernetes; Jenkins or GitLab CI; Terraform; Prometheus and Grafana | Deployment pipelines, scalable infrastructure, monitoring dashboards |
| Data Engineer | Building pipelines, storing and processing data | ETL, distributed computing, data warehousing, SQL and NoSQL | Apache Spark, Kafka, Hadoop, Python, SQL, BigQuery, Redshift | Data lakes and warehouses, ETL pipelines, transformation jobs |
| ML Engineer | Serving and operating ML models in production | ML fundamentals, MLOps, software engineering, model deployment | Python, TensorFlow or PyTorch, Docker, Kubernetes, SageMaker or Vertex AI, MLflow | Deployed models, prediction APIs, model monitoring |
| Cloud Architect | Cloud infrastructure design, strategy and governance | Provider expertise, network design, security, cost control, infrastructure as code | AWS, Azure and GCP services; Terraform or CloudFormation; cloud security and cost tools | Architecture diagrams, infrastructure blueprints, migration plans |
| Frontend Engineer | User interface and user experience development | HTML, CSS, JavaScript, responsive design, accessibility, performance | React, Vue or Angular; Webpack; Babel; Figma or Sketch for design handoff | Interactive pages, user interfaces, single-page applications |`,
      acceptsInsights: false,
    },
    {
      title: "How to pick",
      body: `The right move depends on what you enjoy about backend work today, what you would like to do more of, and the kinds of problems that keep you engaged. A useful first step is to list the parts of your current job that give you energy and the parts you would happily hand to someone else.

- **If you like owning a feature from the database all the way to the screen:** consider Fullstack Engineer. You keep your server-side strengths and add interface skills, which suits people who want variety and end-to-end ownership.
- **If you get the most satisfaction from automation, infrastructure and smooth releases:** consider DevOps Engineer. Knowing how applications behave in production gives you a head start on reliability and scaling work.
- **If you are excited by large datasets, storage design and pipelines:** consider Data Engineer. You already work with databases; this role goes deeper into ingestion, processing and warehousing at far larger volumes.
- **If you want to help bring machine learning models into real products:** consider ML Engineer. Your engineering discipline is exactly what turns a promising model into a dependable service.
- **If you prefer high-level design, planning and cloud infrastructure:** consider Cloud Architect. You will write less feature code and spend more time on strategic decisions about secure, scalable environments.
- **If you enjoy visual problem-solving and working close to users:** consider Frontend Engineer. It is the largest change of the six, but it offers a fresh set of challenges around interfaces and experience.

Think, too, about the longer arc of your career. Would you rather go deep in one area or stay a generalist? Do you feel most at home near business logic, infrastructure or the interface? Before committing, try the work on a small scale: join a community in the field, take a short course or contribute to an open-source project. A few weeks of hands-on experience will tell you more than any comparison table.`,
      acceptsInsights: true,
    },
  ],
};

const frontendVsBackendExplained: SeedArticle = {
  slug: "frontend-vs-backend-explained",
  title: "Frontend vs Backend Development: How the Two Sides Fit Together",
  summary:
    "A plain-language look at the two halves of web development: what each side does, the tools it relies on, how they cooperate on a single click, and why the distinction matters when you build or hire.",
  kind: "GUIDE",
  domainSlug: "software-development",
  publishedDaysAgo: 14,
  sections: [
    {
      title: "What the frontend is",
      body: `The frontend is the part of a website or app that people see and touch: the layout, colours, typography and buttons, and the small animations that confirm an action worked. Whenever you talk about the frontend, you are talking about the visual, interactive layer of a product.

Its core technologies are:

- **HTML**, which gives a page its structure
- **CSS**, which controls styling and layout
- **JavaScript**, which adds behaviour and interactivity
- **Frameworks** such as React, Vue and Angular, which help organize larger interfaces

Because this layer *is* the user experience, design matters as much as code. Frontend developers work closely with UI and UX designers to make sure the product not only functions but also looks and feels right.`,
      acceptsInsights: true,
    },
    {
      title: "What the backend is",
      body: `If the frontend is what people see, the backend is the machinery behind it. Users never look at it directly, yet every login, search and purchase depends on it. The backend receives requests, applies the rules of the business, stores and retrieves data, and keeps the whole system secure.

Typical building blocks include:

- **Server-side languages** such as Python, Java, PHP, or JavaScript running on Node.js
- **Databases** such as MySQL, PostgreSQL and MongoDB
- **APIs** that define how the frontend and the backend talk to each other
- **Servers**, physical or in the cloud, that host and run the application logic

Backend developers are responsible for making sure the application behaves correctly and stays secure. When a site fails in a way that has nothing to do with how it looks, such as lost orders or painfully slow searches, the cause usually sits on this side.`,
      acceptsInsights: true,
    },
    {
      title: "How the two work together",
      body: `The two sides live in separate code, but they are in constant conversation. The frontend asks for something, the backend does the work, and the frontend presents the outcome. Here is what happens when a shopper presses **Buy now** in an online store:

1. The shopper clicks the button, and the frontend packages the order into a request.
2. The request travels over the network to the server, where the backend picks it up.
3. The backend checks that the item is in stock, records the purchase and confirms the payment.
4. The frontend receives the response and shows the shopper a confirmation message.

Once you understand this round trip, much of the web makes sense: each side depends on the other to deliver a single, seamless moment for the user.`,
      acceptsInsights: true,
    },
    {
      title: "Skills each side needs",
      body: `Most developers choose one side to focus on first, even if they broaden out later.

**Frontend developers** benefit from:

- **Design fundamentals**: spacing, hierarchy, colour and typography
- **Responsive layout**: interfaces that adapt gracefully to any screen size
- **JavaScript and modern frameworks**: the tools that power interactive apps
- **Browser performance**: keeping pages quick to load and smooth to use

**Backend developers** benefit from:

- **Server-side languages**: writing clear, maintainable application logic
- **Database design**: modelling data so it stays consistent and fast to query
- **Security practices**: protecting users and the data they entrust to you
- **API development**: designing interfaces that other teams can rely on

Some developers go on to become full-stack and work across both, but starting with one side and learning it properly is a common and sensible route.`,
      acceptsInsights: true,
    },
    {
      title: "Why it matters for teams and businesses",
      body: `The distinction is not only useful to developers. Founders, product managers and anyone hiring for a digital product make better decisions when they know which kind of expertise a problem calls for.

- **Is the interface confusing or dated?** That is work for a frontend developer.
- **Are pages slow to load, or is data going missing?** Bring in the backend team.
- **Building a complete site or app from scratch?** You will need both, working closely together.

Knowing who does what helps you scope projects realistically, staff teams sensibly and avoid handing a problem to people who are not equipped to solve it.`,
      acceptsInsights: true,
    },
    {
      title: "Final thoughts",
      body: `Frontend and backend are distinct disciplines, but neither is much use without the other. Whether you are writing your first lines of code or running a product team, a clear picture of how they relate will help you work more effectively.

To recap:

- The frontend is everything users see and interact with.
- The backend runs the logic, data and security behind the scenes.
- Each side relies on its own tools and skills.
- Together they produce web experiences that are fast, friendly and secure.

Pick a starting point, learn its tools well and stay curious about the other side. People who understand both halves of the stack tend to build better products and find more opportunities along the way.`,
      acceptsInsights: true,
    },
  ],
};

const backendDeveloperCareerGuide: SeedArticle = {
  slug: "backend-developer-career-guide",
  title: "Backend Developer: A Complete Career Guide",
  summary:
    "What backend developers do, how the role grows from junior to senior and beyond, how it compares with neighbouring roles, and answers to the questions people most often ask about the job.",
  kind: "GUIDE",
  domainSlug: "career-guides",
  publishedDaysAgo: 7,
  sections: [
    {
      title: "What is a backend developer?",
      body: `Backend developers are software engineers who specialize in the server side of an application. Frontend developers shape what people see and use in the browser; backend developers build the systems underneath that make those screens actually do something. The backend is usually described in three parts:

1. **The server**: the machine, physical or virtual, where the code actually executes.
2. **The application**: server-side code that receives requests, enforces business rules and reads from or writes to the database.
3. **The database**: the system that holds the application's records and hands them back on demand.

A restaurant makes a handy comparison. Guests sit in the dining room, read the menu and enjoy the atmosphere; that is the frontend. Behind the swinging doors is the kitchen, where an order ticket arrives, cooks prepare the dish from stocked ingredients, and a plate goes back out to the right table; that is the backend. The backend developer is the person who designs that kitchen: how tickets flow, where ingredients are kept, and how to make sure every order comes out correct and on time, even on the busiest night.

Guests never see this work, but they would notice at once if it stopped. Software is no different: charging a card, loading a profile or sending a notification all rely on code the user never looks at.`,
      acceptsInsights: true,
    },
    {
      title: "Core responsibilities",
      body: `The work changes from day to day, but it always comes back to building and maintaining the core of a system. The main responsibilities are:

- **APIs**: Designing, building and maintaining the application programming interfaces that let the frontend and other clients talk to the server. An API defines which data can be requested and which actions are allowed. When someone taps a "like" button, for example, the app calls an endpoint and the backend updates the count in the database.
- **Databases**: Designing schemas that describe how data is organized, and writing the queries that create, read, update and delete records. Part of the job is choosing the right kind of store, such as a relational database like PostgreSQL or a document database like MongoDB, and keeping data accurate and quick to reach.
- **Business logic**: Writing the code that encodes the rules of the business. In an online shop, that means working out tax, reducing stock after a sale and handing payments over to an external provider.
- **Servers and hosting**: Looking after the environment the application runs in, whether that means dedicated machines or a cloud provider such as AWS, Google Cloud or Azure. This covers deploying releases, managing configuration and scaling capacity to match traffic.
- **Security and authentication**: Protecting user data and blocking unauthorized access. That includes authentication (confirming who someone is), authorization (deciding what they may do), storing passwords as secure hashes, and defending against common attacks such as SQL injection and cross-site scripting.
- **Performance**: Keeping the system fast and dependable by tuning slow queries, caching frequently requested data and running load tests to find out how everything holds up under pressure.`,
      acceptsInsights: true,
    },
    {
      title: "Career path",
      body: `Backend development has a well-understood progression, with plenty of room both to grow and to specialize.

- **Junior backend developer (0–2 years)**: Learns the codebase, fixes bugs and delivers clearly scoped features with support from more experienced colleagues. The priority is a solid grounding in one language, one framework and one database.
- **Mid-level backend developer (2–5 years)**: Works with more independence and owns the design and delivery of complete features. Understands the architecture well enough to contribute to technical discussions, writes clean and well-tested code, and often starts mentoring newer teammates.
- **Senior backend developer (5+ years)**: Takes on the hardest technical problems and makes architectural decisions, such as adopting new technologies or designing major components. Leads projects, mentors others and is accountable for the health of the backend as a whole, with attention moving from individual tasks to long-term scalability and maintainability.

Beyond the senior level, the path usually splits in two:

- **Individual contributor track**: Staff, Principal and Distinguished Engineer roles for people who want to stay hands-on. They take on the toughest problems and set technical direction across the organization.
- **Management track**: Engineering Manager, Director of Engineering and VP of Engineering roles for people who want to lead teams. They hire, develop people and connect engineering work to business goals.

Many backend developers also specialize along the way:

- **DevOps and SRE**: infrastructure, automation and reliability
- **Cloud engineering**: deep expertise in one cloud platform, often leading to solutions architect roles
- **Database administration**: the performance, security and tuning of database systems
- **Security engineering**: application security and threat modelling`,
      acceptsInsights: true,
    },
    {
      title: "Related roles and how they differ",
      body: `Backend development overlaps with several neighbouring roles, and the boundaries are worth understanding.

- **Full-stack developer**: A generalist who works on both the client and the server. Where a backend specialist concentrates on server logic and data, a full-stack developer covers the whole stack more broadly, usually with less depth in any single layer.
- **Frontend developer**: The natural counterpart. Frontend developers build the interface and experience using HTML, CSS and JavaScript frameworks such as React or Vue, and they are the main consumers of the APIs that backend developers create.
- **DevOps engineer**: Focuses on the tooling and processes that connect development with operations, including CI/CD pipelines, automated infrastructure and system monitoring. Put simply, the backend developer builds the application, and the DevOps engineer builds the machinery that tests and ships it safely.
- **Database administrator (DBA)**: Specializes entirely in databases. A backend developer designs the schema and queries for one application; a DBA keeps database systems healthy, fast, secure and recoverable after failures, often across many applications at once, including deep tuning and cluster management.`,
      acceptsInsights: true,
    },
    {
      title: "FAQ",
      body: `### Is backend development harder than frontend?

Neither side is harder in absolute terms; they simply demand different strengths. Backend work leans on abstract reasoning, data modelling and thinking in systems, while frontend work calls for a feel for user experience, visual design and the quirks of many browsers and devices. Which one feels harder mostly depends on your own aptitudes and interests.

### Do backend developers need to know frontend technologies?

Expert-level knowledge is not required, but a working understanding of HTML, CSS and JavaScript pays off. Knowing how the frontend consumes your data leads to better API design and smoother collaboration with the people building the interface.

### What is the future of backend development?

Backend systems are becoming more distributed and more specialized. Microservice architectures, serverless platforms such as AWS Lambda, and containers orchestrated with Docker and Kubernetes are now mainstream, while languages like Go and Rust are gaining ground wherever performance matters most.

### Can backend developers work remotely?

Yes. Backend development is among the most remote-friendly jobs in technology, because the work happens in code and needs little more than a reliable internet connection. Version control, team chat and issue trackers make it straightforward to collaborate without sharing an office.`,
      acceptsInsights: false,
    },
    {
      title: "Related resources",
      body: `- **How to Become a Backend Developer**: A practical roadmap that takes you from core programming concepts to portfolio projects that show you are ready for the job.
- **What Shapes a Backend Developer's Salary**: A look at how experience, technology choices, location and type of employer combine to set pay, and how to use that knowledge when you negotiate.
- **Essential Skills for Backend Developers**: An overview of the technical and interpersonal skills the role demands, the everyday tools of the trade and ways to demonstrate your expertise to employers.
- **Writing a Backend Developer Resume**: Practical advice on presenting your skills, projects and problem-solving ability so your resume clears automated screening and catches a hiring manager's attention.`,
      acceptsInsights: false,
    },
  ],
};

export const seedArticles: SeedArticle[] = [
  frontendVsBackendCareerGrowth,
  backendEngineerAlternatives,
  frontendVsBackendExplained,
  backendDeveloperCareerGuide,
];

// ---------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------

export const seedMembers: SeedMember[] = [
  {
    handle: "priya-raman",
    name: "Priya Raman",
    email: "priya-raman@demo.roundtable.test",
    headline: "Staff backend engineer · payments",
    joinedDaysAgo: 320,
  },
  {
    handle: "tomasz-k",
    name: "Tomasz Kowalczyk",
    email: "tomasz-k@demo.roundtable.test",
    headline: "Frontend lead · design systems",
    joinedDaysAgo: 214,
  },
  {
    handle: "amara-okafor",
    name: "Amara Okafor",
    email: "amara-okafor@demo.roundtable.test",
    headline: "Engineering manager · platform teams",
    joinedDaysAgo: 371,
  },
  {
    handle: "lucas-ferreira",
    name: "Lucas Ferreira",
    email: "lucas-ferreira@demo.roundtable.test",
    headline: "Senior data engineer · streaming pipelines",
    joinedDaysAgo: 152,
  },
  {
    handle: "hana-sato",
    name: "Hana Sato",
    email: "hana-sato@demo.roundtable.test",
    headline: "Full-stack developer · independent consultant",
    joinedDaysAgo: 96,
  },
  {
    handle: "dan-whitaker",
    name: "Daniel Whitaker",
    email: "dan-whitaker@demo.roundtable.test",
    headline: "Site reliability engineer · cloud infrastructure",
    joinedDaysAgo: 58,
  },
];

// ---------------------------------------------------------------------------
// Insights
// ---------------------------------------------------------------------------

const CAREER_GROWTH = frontendVsBackendCareerGrowth.slug;
const ALTERNATIVES = backendEngineerAlternatives.slug;
const EXPLAINED = frontendVsBackendExplained.slug;
const CAREER_GUIDE = backendDeveloperCareerGuide.slug;

export const seedInsights: SeedInsight[] = [
  // --- Collaborative article (published 30 days ago) ---
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Specialization vs Versatility",
    authorHandle: "priya-raman",
    daysAgo: 24,
    body: `I spent my first three years thinking of myself as "a Java person", and only after joining a payments team did I realise that backend versatility is less about languages and more about judgement. The skills that mattered were careful schema migrations, thinking through failure modes and knowing when a queue is the right answer. Early on, I would pick one stack to get genuinely good at, then deliberately take tickets that touch parts of the system you don't understand yet.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Specialization vs Versatility",
    authorHandle: "hana-sato",
    daysAgo: 19,
    body: `As a freelancer I've found that clients rarely care whether I call myself frontend or backend; they care whether the thing ships. That pushed me toward versatility out of necessity. The trade-off is real, though: some weeks I feel like a beginner at everything. What helped was keeping one area, accessible interface work in my case, as a deep specialism I can charge a premium for, and treating everything else as supporting skills.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "User Impact vs System Impact",
    authorHandle: "tomasz-k",
    daysAgo: 23,
    body: `The visibility of frontend work cuts both ways. When we shipped a redesigned checkout, the whole company saw it the same afternoon and the praise arrived quickly. But that same visibility means every small regression reaches executives before your monitoring does. My advice to anyone stepping into a lead role: learn to tie your work to outcomes such as conversion or task completion, so your impact is judged by results and not only by how things look.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "User Impact vs System Impact",
    authorHandle: "dan-whitaker",
    daysAgo: 17,
    body: `System impact is real, but you have to narrate it, because nobody notices an outage that didn't happen. I keep a simple running log of before-and-after numbers: p95 latency, error rates, monthly cloud spend, pages per on-call week. At promotion time that log does more for me than any architecture diagram. Backend engineers who skip this step often find their best work is invisible to the people deciding on their growth.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Rapidly Changing Technologies vs Stability",
    authorHandle: "tomasz-k",
    daysAgo: 21,
    body: `I've led frontend teams through three framework migrations in eight years, and the lesson I took away is that most of the churn happens at the surface. Browser fundamentals, the DOM, CSS layout, accessibility and HTTP caching have barely changed, and the people who understood them adapted to each new framework within weeks. If the pace worries you, invest in those fundamentals first and treat frameworks as tools you can pick up when a project needs them.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Rapidly Changing Technologies vs Stability",
    authorHandle: "lucas-ferreira",
    daysAgo: 12,
    body: `From the data side I'd gently push back on the idea that the backend is stable. The SQL I wrote ten years ago still runs, which is wonderful, but the tooling around it has churned almost as much as any frontend ecosystem: nightly batch jobs became streams, and self-managed clusters became managed services. What has stayed constant are the concepts, such as partitioning, consistency and backpressure, and that is where I would put most of my learning time.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Career Progression Paths",
    authorHandle: "amara-okafor",
    daysAgo: 20,
    body: `Having managed both kinds of engineers, I'd add that progression often depends less on the specialty and more on scope. The frontend engineers I've promoted fastest took ownership of something cross-cutting, like a design system or a performance budget. The backend engineers did the same with an on-call rotation or a migration nobody else wanted. Look for the problem in your organisation that has no owner yet; that is usually where the next level is hiding.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Career Progression Paths",
    authorHandle: "priya-raman",
    daysAgo: 15,
    body: `One route missing from this list is the staff engineer track, which has become far more common on backend teams in recent years. I chose it over management because I wanted to keep designing systems, and it has been every bit as much of a career step. It does demand different habits, though: writing design documents, reviewing other teams' plans and building consensus now take up more of my week than writing code.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Entrepreneurial and Freelance Opportunities",
    authorHandle: "hana-sato",
    daysAgo: 16,
    body: `My freelance practice started with frontend work because it is easy to show: a client can click around a prototype within a week. Over time, though, the retainers that actually paid the bills came from backend work, such as maintaining integrations, payment flows and the admin tools a business relies on every day. If you are going independent, I'd suggest leading with visible work to win clients and offering dependable backend support to keep them.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Skill Transfer and Hybrid Roles",
    authorHandle: "dan-whitaker",
    daysAgo: 14,
    body: `I moved from backend development into SRE, and the transfer was smoother than I expected. Knowing how the application behaves made me much better at deciding what to monitor, and during incidents I could read stack traces myself instead of waiting for the owning team. What I had to learn from scratch:

- networking and DNS well beyond the basics
- infrastructure as code and safe, gradual rollouts
- staying calm and communicating clearly while things are on fire`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "Leadership and Management Tracks",
    authorHandle: "amara-okafor",
    daysAgo: 11,
    body: `One difference I've noticed as a manager: backend leadership comes with a heavy operational load. On-call health, incident reviews and capacity planning take real time, and new leads often underestimate how much. The frontend leads I work with spend more of their energy aligning with design and product. Neither is easier, but if you are choosing a track, **shadow a lead on the side you're considering for a week** before you commit.`,
  },
  {
    articleSlug: CAREER_GROWTH,
    sectionTitle: "What else to take into account",
    authorHandle: "lucas-ferreira",
    daysAgo: 6,
    body: `Something I'd add for anyone choosing today: the line between backend and data work is blurring. Many backend services now publish events that analytics and ML teams consume, so backend engineers who understand data modelling, schema evolution and event design are in a strong position. That overlap gave me a path into data engineering without starting over, and I've watched several colleagues make the same move.`,
  },

  // --- Alternatives guide (published 21 days ago) ---
  {
    articleSlug: ALTERNATIVES,
    sectionTitle: "Why look beyond the backend toolkit",
    authorHandle: "priya-raman",
    daysAgo: 10,
    body: `I'd add that looking beyond the backend doesn't have to mean leaving it. A few colleagues of mine burned out on routine API work and found new energy simply by moving to a team with different constraints, such as real-time systems or payments, where correctness carries higher stakes. It's worth asking whether it's the role you want to change or just the problems you happen to be solving right now.`,
  },
  {
    articleSlug: ALTERNATIVES,
    sectionTitle: "Top alternatives ranked",
    authorHandle: "lucas-ferreira",
    daysAgo: 18,
    body: `I moved from backend to data engineering about four years ago, and this ranking feels right to me. The day-to-day is familiar, since you still write Python and SQL and care about correctness, but the scale changes how you think. A bug no longer breaks one request; it quietly corrupts a week of reports. Testing data pipelines properly was the biggest new skill I had to build, and it's worth practising before you switch.`,
  },
  {
    articleSlug: ALTERNATIVES,
    sectionTitle: "How to pick",
    authorHandle: "dan-whitaker",
    daysAgo: 13,
    body: `A practical tip for anyone considering DevOps: volunteer for your team's CI pipeline or deployment scripts before you change titles. Within a couple of months you'll know whether you enjoy the work or just like the idea of it. That is how I tested the waters, and it gave me concrete stories to tell in interviews, which mattered far more than any certificate I could have listed.`,
  },

  // --- Frontend vs backend explainer (published 14 days ago) ---
  {
    articleSlug: EXPLAINED,
    sectionTitle: "How the two work together",
    authorHandle: "hana-sato",
    daysAgo: 9,
    body: `The "Buy now" walkthrough is a great way to explain this to clients. I usually extend it with one more step: what happens when the backend says no, because the item has sold out or the card is declined. Designing that failure path together is where frontend and backend developers learn the most about each other's work, and it's also where a lot of real-world bugs hide.`,
  },
  {
    articleSlug: EXPLAINED,
    sectionTitle: "Skills each side needs",
    authorHandle: "tomasz-k",
    daysAgo: 5,
    body: `I'd add one skill to the frontend list: accessibility. It touches design, markup and JavaScript all at once, and in many places it is now a legal requirement rather than a nice-to-have. Engineers who can test with a keyboard and a screen reader, then fix what they find, are still rare. In my experience that skill alone has made candidates stand out in hiring rounds.`,
  },

  // --- Backend developer career guide (published 7 days ago) ---
  {
    articleSlug: CAREER_GUIDE,
    sectionTitle: "Career path",
    authorHandle: "amara-okafor",
    daysAgo: 4,
    body: `The year ranges are a useful guide, but I'd caution against treating them as a timetable. On my teams, the jump from mid-level to senior has depended on behaviour rather than tenure: owning outcomes, raising risks early and making the people around you more effective. I've seen engineers with three years of experience operate at a senior level, and others with ten who were still waiting to be handed well-defined tickets.`,
  },
  {
    articleSlug: CAREER_GUIDE,
    sectionTitle: "Core responsibilities",
    authorHandle: "priya-raman",
    daysAgo: 2,
    body: `Of everything on this list, the thing I wish I had learned earlier is idempotency in API design. In payments, a client retrying a request after a timeout is completely normal, and the backend has to guarantee the customer is charged only once. Designing with retries in mind from day one saves a lot of painful clean-up later, and the same thinking applies to any endpoint that changes data.`,
  },
];
