import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder with its size and SHA-256, sorted: two equal snapshots mean that
 * nothing was created, deleted, moved or changed in between.
 */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const stat = statSync(join(dir, rel));
      if (stat.isDirectory()) walk(rel);
      else out.push(`${rel} ${stat.size} ${createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex').slice(0, 16)}`);
    }
  };
  walk('');
  return out;
}
