import type { Faker } from '@faker-js/faker';
import { faker as arFaker } from '@faker-js/faker/locale/ar';
import { faker as ghFaker } from '@faker-js/faker/locale/en_GH';
import { faker as ngFaker } from '@faker-js/faker/locale/en_NG';
import { faker as frFaker } from '@faker-js/faker/locale/fr';
import { faker as snFaker } from '@faker-js/faker/locale/fr_SN';

/**
 * A private instance with the same locale data as a shared one. The per-locale entry points
 * load five locales (~9 MB) where the package's main entry loads all of them (~35 MB, which
 * would show in the benchmark's memory figure); their instances are module singletons, so
 * each Rng makes its own.
 */
function own(shared: Faker): Faker {
  return new (shared.constructor as typeof Faker)({ locale: shared.rawDefinitions });
}

/**
 * Every random choice of the generator goes through these seeded faker instances, in a fixed
 * order, so the same seed and size give the same records (ids included: calls are serial).
 * One instance per locale: French (the clinic's working language), Senegalese French and
 * Nigerian / Ghanaian English (West African names), Arabic (Arabic-only given names).
 */
export class Rng {
  readonly fr: Faker;
  readonly sn: Faker;
  readonly ng: Faker;
  readonly gh: Faker;
  readonly ar: Faker;

  constructor(seed: number) {
    this.fr = own(frFaker);
    this.sn = own(snFaker);
    this.ng = own(ngFaker);
    this.gh = own(ghFaker);
    this.ar = own(arFaker);
    [this.fr, this.sn, this.ng, this.gh, this.ar].forEach((f, i) => f.seed(seed * 7919 + i));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.fr.number.float() < p;
  }

  int(min: number, max: number): number {
    return this.fr.number.int({ min, max });
  }

  pick<T>(values: readonly T[]): T {
    return this.fr.helpers.arrayElement(values);
  }

  /** A value drawn with the given relative weights. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.fr.number.float() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1]![0];
  }

  /** The first spelling most of the time, another one sometimes: how a name gets written. */
  spelling(latin: readonly string[]): string {
    return latin.length === 1 || this.chance(0.7) ? latin[0]! : this.pick(latin.slice(1));
  }

  /** Roughly log-normal delays: most are short, a few very long (case durations, gaps). */
  logNormalDays(medianDays: number, spread = 0.9): number {
    const u1 = Math.max(this.fr.number.float(), 1e-9);
    const u2 = this.fr.number.float();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return medianDays * Math.exp(spread * z);
  }
}
