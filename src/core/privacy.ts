/** What boards, digests, archive results and credits show instead of the name of a member who chose to hide it. */
export const HIDDEN_NAME = 'a member';

/**
 * The name to show others for a member: HIDDEN_NAME when they chose `/mlq privacy hide`, else their name, else
 * `fallback` (a member mlq has no name for).
 */
export function shownName(member: { name: string | null | undefined; hidden?: boolean | null }, fallback = HIDDEN_NAME): string {
  if (member.hidden) return HIDDEN_NAME;
  return member.name ?? fallback;
}
