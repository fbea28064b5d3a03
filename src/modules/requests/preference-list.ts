/**
 * The parent's ordered list of preferences while it is being edited (in the wizard, or when
 * changing a filed request): a list of keys, first = first choice. Pure functions, so the rules
 * (no duplicates, at most `max`, a strict order) can be tested with properties.
 */
export type PreferenceOp = { kind: 'add'; key: string } | { kind: 'up' | 'down' | 'remove'; key: string };

export type ListOutcome =
  | { ok: true; list: string[] }
  | { ok: false; error: 'duplicate' | 'max' | 'unknown' };

export function applyPreferenceOp(list: readonly string[], op: PreferenceOp, max: number): ListOutcome {
  const i = list.indexOf(op.key);
  switch (op.kind) {
    case 'add':
      if (i >= 0) return { ok: false, error: 'duplicate' };
      if (list.length >= max) return { ok: false, error: 'max' };
      return { ok: true, list: [...list, op.key] };
    case 'remove':
      if (i < 0) return { ok: false, error: 'unknown' };
      return { ok: true, list: list.filter((k) => k !== op.key) };
    case 'up':
    case 'down': {
      if (i < 0) return { ok: false, error: 'unknown' };
      const j = op.kind === 'up' ? i - 1 : i + 1;
      if (j < 0 || j >= list.length) return { ok: true, list: [...list] };
      const next = [...list];
      [next[i], next[j]] = [next[j] as string, next[i] as string];
      return { ok: true, list: next };
    }
  }
}

/** Reads a button value such as `up:<key>` or `add:<key>`; anything else is undefined. */
export function parsePreferenceOp(value: unknown): PreferenceOp | undefined {
  if (typeof value !== 'string') return undefined;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const key = value.slice(colon + 1);
  if (colon < 1 || key.length === 0 || key.length > 80) return undefined;
  if (kind === 'add' || kind === 'up' || kind === 'down' || kind === 'remove') return { kind, key };
  return undefined;
}
