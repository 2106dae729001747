/**
 * Reads a variable the CDK stack sets; a missing one stops the function at start-up (init) with a
 * message that says which, instead of failing later on the first request.
 */
export function requiredEnv(name: string, purpose = 'the function'): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${purpose} needs the environment variable ${name} (set by the CDK stack)`);
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}
