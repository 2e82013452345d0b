// Several web instances behind one load balancer must agree on two things that a build otherwise picks at
// random: the deployment id (Next's skew protection and asset URLs) and the key that encrypts the values
// server actions close over. A browser's next request may land on any instance; with different values it
// gets "failed to find server action" or an action it cannot decrypt. One build copied to every instance
// agrees by construction, but a second build (another host, a rebuild) silently would not, so when more
// than one instance is configured, both must be fixed in the environment at build and at start.

const AES_KEY_BYTES = [16, 24, 32];

type Environment = Record<string, string | undefined>;

/** INSTANCES: how many web instances serve this deployment (default 1). */
export function configuredInstances(env: Environment): number | undefined {
  const value = env.INSTANCES?.trim();
  if (!value) return 1;
  return /^[1-9]\d*$/.test(value) ? Number(value) : undefined;
}

/** What keeps this environment from running as one of several instances; empty when nothing does. */
export function multiInstanceProblems(env: Environment): string[] {
  const instances = configuredInstances(env);
  if (instances === undefined)
    return [`INSTANCES must be a whole number of web instances, not "${env.INSTANCES}".`];
  if (instances === 1) return [];
  const problems: string[] = [];
  if (!env.DEPLOYMENT_ID?.trim()) {
    problems.push(
      "DEPLOYMENT_ID is not set: give every instance the same value (e.g. the release's git commit), at build and at start.",
    );
  }
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (!key) {
    problems.push(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: generate one with `openssl rand -base64 32` and give every instance the same, at build and at start.",
    );
  } else if (
    !/^[A-Za-z0-9+/]+={0,2}$/.test(key) ||
    !AES_KEY_BYTES.includes(Buffer.from(key, "base64").length)
  ) {
    problems.push(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64-encoded AES key of 16, 24 or 32 bytes (`openssl rand -base64 32`).",
    );
  }
  return problems;
}

/** The message to refuse starting with, or undefined when the environment is fine. */
export function multiInstanceRefusal(env: Environment): string | undefined {
  const problems = multiInstanceProblems(env);
  if (problems.length === 0) return undefined;
  const header =
    configuredInstances(env) === undefined
      ? "Cannot tell how many instances are configured:"
      : `INSTANCES=${env.INSTANCES}: several web instances need the same deployment id and server-action key:`;
  return [header, ...problems.map((problem) => `  - ${problem}`)].join("\n");
}
