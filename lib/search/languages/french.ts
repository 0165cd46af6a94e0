/**
 * A light French stemmer (in the spirit of Savoy's): plural -s/-x (-aux → -al), then one
 * verb/adjective ending: -ee, -er, -ez, -e, on a folded word (accents already gone, so "configuré",
 * "configurée", "configurer", "configurez" all give "configur"). Elided articles ("l'", "d'",
 * "qu'") are cut before folding (`cutElision`). Keys, never shown.
 */
export function frenchStem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.length > 5 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (/[sx]$/.test(w) && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && /(?:ee|er|ez)$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) return w.slice(0, -1);
  return w;
}

/** "l'imprimante" → "imprimante", "qu'il" → "il", "jusqu'à" → "à": the elided word is a stop word. */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;

export function cutElision(raw: string): string {
  return raw.replace(ELISION, '');
}

/** French stop and question words, folded (où → ou). A general list, not tuned to queries. */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a ai as au aux avec avez avons ce ceci cela celle celui ces cet cette comme comment dans de des
  deja donc dont du elle elles en encore est et etait ete etre eu il ils je la le les leur leurs lui
  ma mais me meme mes moi mon ne ni nos notre nous on ont ou par pas peut peux peuvent pouvez plus
  pour pourquoi quand que quel quelle quelles quels qui sa sans se ses si son sont sur ta te tes toi
  ton tres tu un une vos votre vous y svp merci faut`.split(/\s+/),
);
