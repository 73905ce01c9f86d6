/** WhatsApp template bodies number their variables {{1}}, {{2}}, … */
const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** How many variables a template needs: the highest placeholder number. */
export const templateVariableCount = (body: string): number => {
  let max = 0;
  for (const match of body.matchAll(PLACEHOLDER)) max = Math.max(max, Number(match[1]));
  return max;
};

export const fillTemplate = (body: string, variables: readonly string[]): string =>
  body.replace(PLACEHOLDER, (whole, n: string) => variables[Number(n) - 1] ?? whole);
