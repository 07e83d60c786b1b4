/** Text as generated documents (DOCX, PDF) hold it, whatever area writes them. */

/**
 * Direction of a text by its first strong character (like dir="auto"); undefined without letters.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | undefined {
  const m = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]|\p{L}/u.exec(text);
  if (!m) return undefined;
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(m[0]) ? 'rtl' : 'ltr';
}

/** Text as documents can hold it: no control characters (XML refuses them), no lone surrogates. */
export function plainText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
