import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../platform/auth/actions.ts';
import { labels } from './my-data.labels.ts';

const LANGUAGES = ['nl', 'fr', 'en'] as const;

/** Every source file of the app, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The actions of audit rows written with a family named (`recordAudit(…, { action: 'x', …,
 * familyId })`): the rows a parent sees under "who used my data".
 */
function auditedFamilyActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/recordAudit\([^;]*?\}\)/gs)) {
      const action = /action: '([^']+)'/.exec(call[0])?.[1];
      if (action && /\bfamilyId\b/.test(call[0])) found.set(action, file);
    }
  }
  return found;
}

describe('what a parent reads about who used their data', () => {
  it('names, in every language, every action that audits a family: no "data used" for lack of a text', () => {
    const readers = Object.entries(ACTIONS)
      .filter(([, rule]) => 'staffReadsFamilies' in rule && rule.staffReadsFamilies)
      .map(([action]) => [action, 'src/platform/auth/actions.ts'] as const);
    const audited = [...auditedFamilyActions()];
    // The scan must find what it looks for, or it would pass by finding nothing.
    expect(audited.length).toBeGreaterThan(10);
    const missing = [...readers, ...audited].flatMap(([action, where]) =>
      LANGUAGES.filter((lang) => !Object.hasOwn(labels[lang].actions, action)).map(
        (lang) => `${lang}: ${action} (${where})`,
      ),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});
