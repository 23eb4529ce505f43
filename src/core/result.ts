/** A value or a stable error code with a human sentence, in the Sapphire resolver style. */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E; message: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const err = <E extends string>(error: E, message: string): { ok: false; error: E; message: string } => ({
  ok: false,
  error,
  message,
});
