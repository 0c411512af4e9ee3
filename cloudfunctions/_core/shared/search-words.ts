/** The words of a search box, split at spaces (\s takes the full-width one too); every word must match. */
export const searchWords = (query: string | undefined): string[] => (query ?? '').split(/\s+/).filter(Boolean);

/** A search word as an ILIKE pattern that matches it anywhere, with its own %, _ and backslash taken literally. */
export const containsPattern = (word: string): string => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
