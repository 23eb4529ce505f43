/** The samples of a Prometheus text exposition, keyed by series as written (`name{label="value",…}`). */
export function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    found.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return found;
}

/** GETs `/metrics` from a running server and returns its samples; fails the test on anything but 200. */
export async function scrape(base: string): Promise<Map<string, number>> {
  const response = await fetch(`${base}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return samples(await response.text());
}

/** The series of one metric name whose value is not zero, for asserting that nothing else was counted. */
export function series(all: Map<string, number>, name: string): Record<string, number> {
  return Object.fromEntries([...all].filter(([key, value]) => (key === name || key.startsWith(`${name}{`)) && value !== 0));
}
