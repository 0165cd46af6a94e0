/**
 * English stop words and question words, in folded form (lower case, apostrophes removed, as the
 * tokeniser emits them). Dropped at index time and at query time so natural-language questions
 * ("how do I stop outlook asking for my password again") keep only the words that carry meaning;
 * what is left is weighted by IDF. A general list (after the Snowball and Lucene English lists),
 * not tuned to any query set.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are arent as at be because been before being
  below between both but by can cant cannot could couldnt did didnt do does doesnt doing dont down
  during each few for from further had hadnt has hasnt have havent having he hed hell hes her here
  heres hers herself him himself his how hows i id ill im ive if in into is isnt it its itself lets
  me more most mustnt my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shant she shed shell shes should shouldnt so some such than that thats the
  their theirs them themselves then there theres these they theyd theyll theyre theyve this those
  through to too under until up very was wasnt we wed well were weve werent what whats when whens
  where wheres which while who whos whom why whys will with wont would wouldnt you youd youll
  youre youve your yours yourself yourselves also just get gets got via may might must shall
  please tell explain`.split(/\s+/),
);
