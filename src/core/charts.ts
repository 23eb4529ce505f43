/** A rendered chart to attach to a message: PNG bytes, the alt text that describes it, and a file name ending in .png. */
export interface ChartImage {
  png: Uint8Array;
  alt: string;
  name: string;
}

/** A count with its label: one round's answers, or one category's. */
export interface LabelledCount {
  label: string;
  answers: number;
}

/** What the core asks to be drawn, as plain data. */
export type ChartRequest =
  | { kind: 'heatmap'; who: string; today: string; counts: Record<string, number> }
  | { kind: 'mastery'; who: string; categories: { label: string; percent: number }[] }
  | { kind: 'points'; who: string; labels: string[]; member: number[]; median: number[] }
  | { kind: 'group'; channel: string; period: string; rounds: LabelledCount[]; categories: LabelledCount[] };

/** Draws charts outside the core (src/charts, wired by main.ts); absent, commands and digests carry no images. */
export interface ChartMaker {
  render(request: ChartRequest): Promise<ChartImage>;
}
