import type { EChartsOption } from 'echarts';
import { FONT_FAMILY, PALETTE } from './palette.ts';

/** A chart ready to render: the ECharts option, its size in CSS pixels, and the one-sentence alt text. */
export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
  alt: string;
}

/** What every chart shares: no animation (SSR draws one frame), the shipped font, grey text on a transparent ground. */
export const BASE_OPTION: EChartsOption = {
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_FAMILY, color: PALETTE.text, fontSize: 13 },
};

/** A title in the shared style, left-aligned at the top. */
export function title(text: string): EChartsOption['title'] {
  return { text, left: 12, top: 8, textStyle: { fontFamily: FONT_FAMILY, color: PALETTE.text, fontSize: 15, fontWeight: 'bold' } };
}

/** "1 answer" / "3 answers". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
