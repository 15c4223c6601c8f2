/**
 * Focus areas ("advisories", "Performance-based assessment") are free text; records also store a
 * normalized key so that needs, events and communities match whatever the capitalization or spacing.
 */
export function focusKey(area: string): string {
  return area.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Trimmed focus areas without duplicates (by key), in the order given. */
export function cleanFocusAreas(areas: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const area of areas) {
    const key = focusKey(area);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(area.trim().replace(/\s+/g, " "));
  }
  return result;
}

export function focusKeys(areas: readonly string[]): string[] {
  return cleanFocusAreas(areas).map(focusKey);
}
