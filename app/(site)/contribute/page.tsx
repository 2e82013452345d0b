import type { Metadata } from "next";
import Link from "next/link";
import { AUTO_CHECK_LIMITS } from "@/lib/domain/auto-checks";
import { INSIGHT_MAX, INSIGHT_MIN, POSTING_LIMITS } from "@/lib/domain/insight-rules";
import { TRUST_RULES } from "@/lib/domain/trust";
import { CONTRIBUTOR_CALLOUT } from "@/lib/site";

export const metadata: Metadata = {
  title: "How to contribute",
  description:
    "How adding insights to Roundtable articles works: what makes a good insight, review, and badges.",
  alternates: { canonical: "/contribute" },
};

export default function ContributePage() {
  return (
    <article className="prose-article mx-auto max-w-[46rem]">
      <h1 className="text-3xl font-bold tracking-tight">How to contribute</h1>
      <p>
        Every article on Roundtable starts as an editor&rsquo;s outline: a question, a short summary, and a
        handful of sections that each take one angle on it. The article gets good when people who have lived
        the question add what they learned. That is what an insight is.
      </p>

      <h2>Adding an insight</h2>
      <ol>
        <li>
          <Link prefetch={false} href="/sign-up">
            Create an account
          </Link>{" "}
          or{" "}
          <Link prefetch={false} href="/sign-in">
            sign in
          </Link>
          .
        </li>
        <li>Open an article and find the section where your experience fits best.</li>
        <li>
          Press <strong>Add your insights</strong> under that section, write your contribution, and post it.
        </li>
      </ol>
      <p>
        An insight is between {INSIGHT_MIN} and {INSIGHT_MAX} characters: long enough to say something
        concrete, short enough that readers take in several. You can use paragraphs, <strong>bold</strong>,{" "}
        <em>italic</em>, bulleted and numbered lists, and links. You can add one insight per section and edit
        it whenever you like; earlier versions stay visible in its history.
      </p>

      <h2>What makes a useful insight</h2>
      <ul>
        <li>
          <strong>Something you have seen or done.</strong> A decision you made, what happened, and what you
          would do again or differently.
        </li>
        <li>
          <strong>Specific beats general.</strong> &ldquo;Our on-call load halved after we moved retries into
          the queue&rdquo; helps more than &ldquo;reliability matters&rdquo;.
        </li>
        <li>
          <strong>Stay on the section&rsquo;s angle.</strong> If your point fits nowhere else, the closing
          &ldquo;What else to take into account&rdquo; section is made for it.
        </li>
        <li>
          <strong>No promotion.</strong> Links are welcome when they help the reader, not when they sell.
        </li>
      </ul>

      <h2>Limits for new members</h2>
      <p>
        To keep spam out without slowing anyone down for long, members whose account is younger than{" "}
        {POSTING_LIMITS.newAccountDays} days, or who have fewer than{" "}
        {POSTING_LIMITS.establishedAfterPublished} published insights, can post one insight every{" "}
        {POSTING_LIMITS.intervalSeconds} seconds and {POSTING_LIMITS.perDay} a day, with at most{" "}
        {POSTING_LIMITS.maxLinks} links in each. If you reach a limit, the form tells you exactly when you can
        post again, and keeps what you wrote. Posting the same text twice is never accepted.
      </p>

      <h2>Review</h2>
      <p>
        While you are a new member, a moderator reads each of your insights before it appears to everyone; you
        see it straight away, marked &ldquo;Awaiting review&rdquo;. You stop being new once your account is{" "}
        {POSTING_LIMITS.newAccountDays} days old and {POSTING_LIMITS.establishedAfterPublished} of your
        insights are published, as long as no report against you was upheld in the last{" "}
        {TRUST_RULES.upheldReportWindowDays} days. After that, your insights appear as soon as you post them,
        unless an automatic check asks a moderator to look first: more than {AUTO_CHECK_LIMITS.maxLinks}{" "}
        links, a blocked word, text very like another recent insight, or text that arrived faster than anyone
        types (pasted in, say). Editing a published insight goes through the same checks. If a moderator
        declines or removes an insight, you are told why, and you can appeal the decision once.
      </p>

      <h2>Reactions and order</h2>
      <p>
        Readers react to insights with Like, Insightful, Helpful or Celebrate, or mark one Unhelpful. A
        section lists its insights by a score: Insightful and Helpful count double, Unhelpful counts against,
        and a new insight gets a head start that fades over its first three days so late contributions are not
        buried. Readers can switch to &ldquo;Newest&rdquo; at any time.
      </p>

      <h2>Badges</h2>
      <p>
        {CONTRIBUTOR_CALLOUT} Your progress counts published insights on distinct articles and shows on every
        article page while you are signed in, so there is no waiting to find out where you stand.
      </p>

      <h2>Be kind</h2>
      <p>
        Disagree with ideas, not people. Reactions and reports exist to keep the signal high: use them
        honestly.
      </p>
    </article>
  );
}
