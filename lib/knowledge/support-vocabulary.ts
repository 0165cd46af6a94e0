import { fold, keyOf, terms } from '@/lib/search/tokenize';
import { parseVocabulary, wordsOf, type Concept } from '@/lib/search/vocabulary';

/**
 * How people name a support topic in a ticket subject, a case subject or an incident's short
 * description ("money back", "voucher", "locked out", "nobody can pay"), next to the words
 * knowledge is written in ("refund", "discount", "sign in", "outage"). Each line reads
 * `knowledge words: what people write, …`. A general helpdesk vocabulary, not a list of answers:
 * it never names an item, and what it adds to the page's query counts at a discount next to the
 * words actually written (see suggest.ts). Phrases match whole words, in order. Search has its own
 * vocabulary in the same format (lib/search/software-vocabulary.ts, parsed by vocabulary.ts).
 */
const VOCABULARY = `
refund: money back, my money, refunded, reimburse, reimbursement, repay, credit back, paid back
return: send back, sent back, send it back, sending back, returning, returned
exchange: swap, different size, wrong size, bigger size, smaller size
sign login password: log in, logging in, locked out, signin, logon, cannot access, can't access
discount promo: voucher, coupon, promotion, offer code
delivery parcel: package, courier, shipment, doorstep, driver, neighbour
shipping delay: late, delayed, slow, transit, not arrived, still not here, wismo
defect warranty: faulty, broken, broke, snapped, cracked, split, ripped, torn, stopped working
warranty: guarantee, rma, repair
gdpr privacy: personal data, personal details, erase, erasure, forgotten, delete my data, data request
angry complaint: furious, unacceptable, disappointed, upset, worst, rude, speak to a manager,
  fed up, sick of, disgrace, disgraceful, appalling, outrageous, ridiculous, shocking, terrible,
  awful, useless, joke, never again, third time, last chance
duplicate merge: twice, same issue, same problem, same request, other ticket, another ticket,
  already reported, already have a ticket, already emailed, already contacted, earlier email,
  previous email, previous ticket, second email, chasing, follow up, following up
outage incident: down, offline, unavailable, not loading, nobody can, everyone, all users, all stores, whole company
bug: crash, crashes, crashing, error, freezes, frozen, glitch
spam phishing: prize, won, lottery, free gift, gift card, claim now, claim your, verify your, click here
abuse: abusive, threatening, threat, harassment, offensive, swearing
dispute chargeback: unrecognised charge, unrecognized charge, charged twice, double charge, bank, card statement
mfa password: 2fa, two factor, two-factor, authenticator, one time code, verification code
priority: urgency, urgent, impact, p1, p2, p3, p4, how urgent
change: patch, upgrade, firmware, deploy, deployment, cab, maintenance window
handover: hand over, handoff, hand off, shift, pass on, passing, night shift
sla: breach, breached, overdue, response target
vip: key account, strategic, top tier, top-tier, loyalty
approval limit: sign off, sign-off, team lead, manager approval, above my limit
`;

/** Each knowledge word's key back to the word, to show in "matches: …". */
const WORDS = new Map<string, string>();

const CONCEPTS: readonly Concept[] = parseVocabulary(VOCABULARY);
for (const concept of CONCEPTS)
  for (const word of concept.heads) {
    const key = keyOf(word);
    if (key !== undefined) WORDS.set(key, word);
  }

/**
 * The knowledge words of every concept `text` touches (by a word's index key or a phrase), as
 * index keys, without the keys the text already has.
 */
export function relatedTerms(text: string): string[] {
  const folded = fold(text);
  const own = new Set(terms(text));
  const words = wordsOf(text, [...own]);
  const related = new Set<string>();
  for (const concept of CONCEPTS) {
    const touched =
      [...words].some((word) => concept.words.has(word)) ||
      concept.phrases.some(({ re }) => re.test(folded));
    if (touched) for (const key of concept.adds) if (!own.has(key)) related.add(key);
  }
  return [...related];
}

/** The word a vocabulary key stands for ("duplicat" → "duplicate"); other keys as they are. */
export function vocabularyWord(key: string): string {
  return WORDS.get(key) ?? key;
}
