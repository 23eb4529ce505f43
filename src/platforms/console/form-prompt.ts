import type { Form, FormField } from '../../core/interactions.ts';

/** What the terminal shows while a form is being filled in: the next prompt, or the values to submit. */
export type FormStep = { kind: 'ask'; text: string } | { kind: 'submit'; fields: Record<string, string> };

const LABELLED = /^([a-z_]{2,30}):\s?(.*)$/;

/**
 * A form in the terminal: each field in turn, its lines ending at an empty line (which keeps the text it had, if any);
 * or every field in one go, as `field: text` lines (continued on the lines below) ended by an empty line.
 */
export class FormPrompt {
  private readonly values: Record<string, string> = {};
  private queue: FormField[];
  private lines: string[] = [];
  private labelled: string | null = null;

  constructor(readonly form: Form) {
    this.queue = [...form.fields];
    for (const field of form.fields) if (field.initial) this.values[field.id] = field.initial;
  }

  /** The form's heading and its first prompt. */
  start(): string {
    const ids = this.form.fields.map((f) => f.id).join(', ');
    return (
      `${this.form.title}: answer each field below and end it with an empty line (an empty answer keeps the text shown), ` +
      `or type every field in one go as \`field: text\` lines (${ids}) followed by an empty line. Any \`/mlq\` command leaves the form.\n` +
      this.prompt()
    );
  }

  private prompt(): string {
    const field = this.queue[0]!;
    const kept = field.initial || this.values[field.id];
    const hint = field.hint ? ` (${field.hint})` : '';
    return `${field.label}${hint}${kept ? `. Now: “${kept.replace(/\s+/g, ' ').slice(0, 80)}${kept.length > 80 ? '…' : ''}”` : ''}`;
  }

  /** Takes one typed line (empty lines included). */
  feed(line: string): FormStep | null {
    const trimmed = line.trim();
    const known = LABELLED.exec(trimmed);
    if (this.labelled !== null || (this.lines.length === 0 && known && this.form.fields.some((f) => f.id === known[1]))) {
      return this.feedLabelled(trimmed, known);
    }
    if (trimmed) {
      this.lines.push(line.trimEnd());
      return null;
    }
    const field = this.queue.shift()!;
    if (this.lines.length) this.values[field.id] = this.lines.join('\n');
    this.lines = [];
    return this.queue.length ? { kind: 'ask', text: this.prompt() } : { kind: 'submit', fields: { ...this.values } };
  }

  private feedLabelled(trimmed: string, known: RegExpExecArray | null): FormStep | null {
    if (!trimmed) return { kind: 'submit', fields: { ...this.values } };
    if (known && this.form.fields.some((f) => f.id === known[1])) {
      this.labelled = known[1]!;
      this.values[this.labelled] = known[2]!;
    } else if (this.labelled) {
      this.values[this.labelled] = `${this.values[this.labelled] ?? ''}\n${trimmed}`.trim();
    }
    return null;
  }

  /** After a refusal: asks again only the fields named, showing what each holds now. */
  retry(errors: Record<string, string>): string {
    this.queue = this.form.fields.filter((f) => errors[f.id]).map((f) => ({ ...f, initial: this.values[f.id] ?? f.initial }));
    if (this.queue.length === 0) this.queue = [...this.form.fields];
    this.labelled = null;
    this.lines = [];
    const problems = Object.entries(errors).map(([id, message]) => `- ${id}: ${message}`);
    return `Not sent yet; nothing is lost. Fix these:\n${problems.join('\n')}\n${this.prompt()}`;
  }
}
