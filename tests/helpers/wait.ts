/**
 * Polls until `check` returns a truthy value (or throws after `ms`); for work a platform finishes after its ack. The
 * default is generous because CI runs two suites at once on 2 cores; a passing wait ends as soon as its condition holds.
 */
export async function waitFor<T>(check: () => Promise<T> | T, ms = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}
