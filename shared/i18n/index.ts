import type { Language } from '../domain/languages';
import { ar } from './ar';
import { en, type Messages } from './en';
import { fr } from './fr';

export const catalogs: Record<Language, Messages> = { ar, fr, en };
export type { Messages };
