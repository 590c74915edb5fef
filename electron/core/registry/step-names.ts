/**
 * A step's names and its procedure's, as the lists that show a deadline out of its case page
 * ("my work", the deadline log) select them: the step from procedure_steps, the procedure
 * from the template version it started with.
 */
export const STEP_AND_PROCEDURE_NAMES = [
  'procedure_steps.name_ar',
  'procedure_steps.name_fr',
  'procedure_steps.name_en',
  'procedure_templates.name_ar as p_ar',
  'procedure_templates.name_fr as p_fr',
  'procedure_templates.name_en as p_en',
] as const;

interface NameColumns {
  name_ar: string;
  name_fr: string;
  name_en: string;
  p_ar: string;
  p_fr: string;
  p_en: string;
}

export function stepAndProcedureNames(r: NameColumns) {
  return { procedure: { ar: r.p_ar, fr: r.p_fr, en: r.p_en }, step: { ar: r.name_ar, fr: r.name_fr, en: r.name_en } };
}
