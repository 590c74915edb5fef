import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

/**
 * What a field's own schema says about it, for the screen: whether it is required (marked
 * with *) and its length limit (a counter near it). Read from the channel's schema, so the
 * marks can never disagree with what the core refuses.
 */
export interface FieldRule {
  required: boolean;
  limit: number | undefined;
}

const NONE: FieldRule = { required: false, limit: undefined };

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** The schema of the field at a dotted form path (`documents.0.number`, `input.password`). */
export function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const part of path.split('.')) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType | undefined>)[part];
    else if (s instanceof z.ZodArray && /^\d+$/.test(part)) s = s.element as z.ZodType;
    else return undefined;
    if (!s) return undefined;
    s = unwrap(s);
  }
  return s;
}

/**
 * A field is required when its schema refuses what an untouched control holds: '' for text,
 * a select or a date, [] for a group of checkboxes. Booleans are never "required" this way
 * (a checkbox that must be ticked says so in its own sentence). A field whose schema takes
 * null is optional too: its control turns "nothing" into null (a number of days, a lawyer).
 */
export function ruleOf(schema: z.ZodType, path: string): FieldRule {
  const s = fieldSchema(schema, path);
  if (!s || s instanceof z.ZodBoolean) return NONE;
  const blank = s instanceof z.ZodArray ? [] : '';
  const limit = s instanceof z.ZodString ? (s.maxLength ?? undefined) : undefined;
  return { required: !s.safeParse(blank).success && !s.safeParse(null).success, limit };
}

const RulesContext = createContext<((path: string) => FieldRule) | null>(null);

/**
 * Gives every field inside a form its rule, found by the field's `name`, and says once, at
 * the top, what the * means.
 */
export function FormRules({ schema, children }: { schema: z.ZodType; children: ReactNode }) {
  const { t } = useTranslation();
  const lookup = useMemo(() => {
    const cache = new Map<string, FieldRule>();
    return (path: string) => {
      let rule = cache.get(path);
      if (!rule) cache.set(path, (rule = ruleOf(schema, path)));
      return rule;
    };
  }, [schema]);
  return (
    <RulesContext.Provider value={lookup}>
      <p className="required-note">{t('common.requiredNote')}</p>
      {children}
    </RulesContext.Provider>
  );
}

/** The rule of the named field in the surrounding form (none outside a FormRules). */
export function useFieldRule(name: string | undefined): FieldRule {
  const lookup = useContext(RulesContext);
  return lookup && name ? lookup(name) : NONE;
}
