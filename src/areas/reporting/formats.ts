/** The versions of the Article 7 reporting formats this platform knows, newest first. */
import type { FormDef } from '../../platform/forms/definition.ts';
import { assertValidDefinition } from '../../platform/forms/definition.ts';
import { FORMAT_VERSION as V2023, FORMS_2023 } from './forms/v2023.ts';

export interface ReportingFormat {
  version: string;
  forms: FormDef[];
}

const FORMATS: ReportingFormat[] = [{ version: V2023, forms: FORMS_2023 }];
for (const f of FORMATS) f.forms.forEach(assertValidDefinition);

export const CURRENT_FORMAT = FORMATS[0]!;

export function getFormat(version: string): ReportingFormat | undefined {
  return FORMATS.find((f) => f.version === version);
}

export function getFormDef(version: string, formId: string): FormDef | undefined {
  return getFormat(version)?.forms.find((f) => f.id === formId);
}

export const FORM_IDS = CURRENT_FORMAT.forms.map((f) => f.id);
