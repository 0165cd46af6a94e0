/**
 * A light German stemmer (after Savoy's light stemmer, as in Lucene's GermanLightStemmer): two
 * passes of inflectional endings, on a folded word (umlauts already lost their marks, ß → ss).
 * "Druckers", "Drucker", "drucken" → "druck"; "Rechnungen" → "rechnung". Keys, never shown.
 */
const S_ENDING = /[bdfghklmnrt]s$/;
const ST_ENDING = /[bdfghklmnt]st$/;

export function germanStem(folded: string): string {
  const word = folded.replace(/ß/g, 'ss');
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  return passTwo(passOne(word));
}

function passOne(w: string): string {
  if (w.length > 5 && w.endsWith('ern')) return w.slice(0, -3);
  if (w.length > 4 && /(?:em|en|er|es)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) return w.slice(0, -1);
  if (w.length > 3 && S_ENDING.test(w)) return w.slice(0, -1);
  return w;
}

function passTwo(w: string): string {
  if (w.length > 5 && w.endsWith('est')) return w.slice(0, -3);
  if (w.length > 4 && /(?:er|en)$/.test(w)) return w.slice(0, -2);
  if (w.length > 5 && ST_ENDING.test(w)) return w.slice(0, -2);
  return w;
}

/** German stop and question words, folded (für → fur). A general list, not tuned to queries. */
export const GERMAN_STOP_WORDS: ReadonlySet<string> = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin
  bis bist bitte da dabei damit dann das dass dein deine dem den denn der des dessen die dies diese
  diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas euch
  euer fur gibt hab habe haben hat hatte hier ich ihm ihn ihr ihre im in ist ja jetzt kann kannst
  konnen konnte kein keine man mein meine mich mir mit muss mussen nach noch nun nur ob oder ohne
  sehr sein seine sich sie sind so soll sollte sondern uber um und uns unser unter vom von vor war
  waren warum was weil welche welcher welches wenn wer wie wieso weshalb will wir wird wo woran
  wurde wurden zu zum zur`.split(/\s+/),
);
