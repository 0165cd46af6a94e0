import { QueryVocabulary, type VocabularyWeights } from './vocabulary';

/**
 * How people describe software tasks and symptoms in their own words ("won't open", "get back",
 * "pic", "turn off"), next to the words help articles are written in ("start", "recover",
 * "image", "disable"). Same format as lib/knowledge/support-vocabulary.ts (vocabulary.ts):
 * `documentation words: what people write, …`, a line starting with spaces continues the one
 * above, phrases match whole words in order.
 *
 * Written from general knowledge of software help desks before any query set was looked at
 * (docs/adr/0003-search.md, amendment 5): each line is a family that applies to many articles of
 * any software help corpus. It names no article and no product; a line that would only help one
 * query does not belong here. Search counts a documentation word at a discount next to the word
 * typed (vocabulary.ts), so an article that says what the learner said still comes first.
 */
export const SOFTWARE_VOCABULARY = `
respond hang: frozen, freeze, freezes, freezing, froze, stuck, locks up, locked up, unresponsive,
  spinning, spinning wheel, wont respond, won't respond, stopped responding, not responding, lag, laggy
crash: closes itself, closes by itself, shuts down, quits, keeps closing, closes unexpectedly,
  disappears, dies, died, blew up, kicked out, kicks me out
start open launch: wont open, won't open, doesnt open, does not open, will not open, cant open,
  can't open, cannot open, not opening, wont start, won't start, doesnt start, not starting,
  wont load, won't load, not loading, wont launch, won't launch, fails to open, boot
slow performance: sluggish, laggy, takes forever, takes ages, crawling, very slow, so slow
recover restore: get back, bring back, undelete, undo delete, accidentally deleted,
  deleted by mistake, retrieve, lost, vanished, rescue
missing: disappeared, vanished, gone, cant find, can't find, not showing, not there, nowhere
delete remove: get rid of, erase, clear out, throw away, trash, wipe, take off, take out
disable: turn off, switch off, shut off, deactivate, opt out, stop it from, make it stop
enable: turn on, switch on, activate, opt in, allow
merge: combine, join, put together, consolidate, into one, unify
split: break up, separate, divide, cut into
view display: see, look at, show me, where is, where can i see, visible
locate search: look for, where is, where do i find, track down, hunt for
image picture: pic, pics, photo, photos, snapshot, jpg, jpeg, png, graphic, logo
screenshot: screen shot, screen grab, capture the screen, snip
worksheet: sheet, sheets
device computer: laptop, pc, desktop, machine, notebook, workstation
mobile: phone, cell, smartphone, cellphone, handset, tablet
attachment: attached, attach, enclosed, file i sent
email message: mail, mails, emails, e-mail, e-mails
send: sending, mail out, email out
receive: not getting, never arrived, didnt get, didn't get, not coming in, incoming, arrive
sync synchronize: syncing, not syncing, out of date, not updating, mirror
permission access: not allowed, denied, no rights, rights, forbidden, unauthorized, unauthorised,
  cant access, can't access, who can see, who can edit
sign password: log in, login, logon, log on, logging in, signing in, locked out, credentials,
  keeps asking for password, keeps asking for my password
reset password: forgot password, forgotten password, forgot my password, cant remember my password
install: setup, set up, put on, get the app, installer, installing
uninstall: get rid of, take off, uninstalling, remove the app
update upgrade: new version, latest version, newer version, updating, upgrading
print: printing, print out, printout, hard copy, printer
shortcut: hotkey, hot key, key combo, key combination, keyboard keys
format: formatting, looks wrong, style, styling, bold, italic, colour, color
font: text size, lettering, typeface, letters
reminder: alert, alerts, heads up, nudge, alarm, notify me before
notification: notifications, alerts, pop up, popup, pop-up, badge, banner, ding
meeting appointment: call, calls, invite, invitation, event, booking, get together
calendar: schedule, diary, agenda
share: give access, let someone see, collaborate, send to a colleague, coworker, colleague
folder: directory, location where, where it saved
save: saving, saved, store, keep a copy
autorecover autosave: lost my work, didnt save, didn't save, unsaved, forgot to save
template: boilerplate, reusable, starting point, pre-made, premade
comment: remark, remarks, note, notes, annotation, annotations, feedback
signature: sign off, sign-off, footer at the bottom
contact: address book, phone number, email address
duplicate: twice, doubled, two copies, repeated, same one twice, copies
copy: clone, replicate, copying
move: drag, transfer, relocate, moving
rename: change the name, change name, new name, call it
backup: back up, backing up, save a copy, safe copy
storage quota: out of space, no space, no room, running out of space, is full, gets full,
  are full, storage space
size limit: too big, too large, huge, large file, maximum
connect connection: offline, no internet, disconnected, cant connect, can't connect, drops,
  dropping, keeps dropping, network, wifi, wi-fi
audio sound: speaker, speakers, headset, headphones, volume, cant hear, can't hear, no sound, echo
microphone: mic, cant hear me, can't hear me, muted
camera video: webcam, cam, black screen, cant see me, can't see me
chat: instant message, im, dm, direct message, messaging
spelling proofing: spell check, spellcheck, typos, red squiggly, red underline, autocorrect
link: url, hyperlink, web address, web link
sort filter: order by, alphabetical, arrange, only show, narrow down
formula function: calculation, calculate, add up, sum up, total up, maths, math
chart graph: plot, diagram, visual, visualise, visualize, bar graph, pie
blank: empty, white page, nothing there, nothing shows, all white
header footer: top of the page, bottom of the page, top of every page, bottom of every page
page number: number the pages, numbering pages
margin: edge, spacing around, whitespace around
orientation landscape: sideways, turn the page, rotate the page, portrait
activate license: product key, unlicensed, serial, key code, activation, licence
subscription: plan, seat, renewal, renew, expired plan
invoice: bill, bills, billing, receipt
vendor: supplier, seller, provider
customer: client, clients, buyer, buyers
purchase: buy, buying, bought, procurement, order goods
sales: sell, selling, sold
payment: pay, paid, paying, settle
tax: vat, gst, sales tax
report: summary, overview, stats, statistics, figures
export: save as, get data out, extract, dump, pdf, csv
import: bring in, pull in, load data
upload: put up, add a file, drag in
download: save to my computer, get a copy, pull down
version history: previous version, older version, earlier version, go back to, roll back
undo: reverse, revert, take back, ctrl z
expire: expired, expiring, expiry, out of date
read-only lock: locked, padlock, read only, readonly, greyed out, grayed out, cant edit,
  can't edit, not editable, cant type, can't type
protect encrypt: password protect, secure, lock it, restrict
certificate: cert, ssl, tls, not secure, security warning
junk spam: unwanted, phishing, scam, fake email, suspicious email
block: ban, blacklist, stop someone
delegate: on behalf, on behalf of, assistant, someone else's, for my manager, for my boss
automatic reply: out of office, vacation, holiday, away message, auto reply, autoreply, ooo
distribution group: mailing list, group email, email list, everyone in the team
rule: auto sort, automatically move, sort incoming, filter incoming
archive: old emails, old mail, clean up, clear out old
zoom: bigger, smaller, magnify, enlarge, make bigger, make smaller, tiny, too small
resize: shrink, stretch, make it fit, fit the page
hide: hidden, invisible, conceal
unhide: show hidden, bring back hidden
corrupt damaged: broken file, garbled, gibberish, unreadable, weird characters, strange characters
encoding: weird characters, strange characters, question marks, boxes instead of
time zone: timezone, wrong time, hour off, hour ahead, hour behind
settings options: preferences, preference, config, configure, configuration, control panel
default: standard, normal, usual, out of the box, factory
administrator admin: it department, it team, tenant, global admin, sysadmin
policy: company setting, restriction, restricted by it
user: employee, staff, member, new starter, new hire
create add: make a new, set up a new, new one
edit modify: alter, tweak, adjust, amend
keyboard: typing, keystrokes
display monitor: screen, second screen, external screen, projector, two screens
shared mailbox: team inbox, group inbox, common inbox, shared inbox
`;

/** What a documentation word of the software vocabulary counts (chosen on the tune sets, ADR 0003). */
export const VOCABULARY_WEIGHTS: VocabularyWeights = { weight: 0.4, title: 0.6, meaning: 0.6 };

let parsed: QueryVocabulary | undefined;

/** The software vocabulary, parsed once per worker (every index of the `vocabulary` feature shares it). */
export function softwareVocabulary(): QueryVocabulary {
  return (parsed ??= new QueryVocabulary(SOFTWARE_VOCABULARY, VOCABULARY_WEIGHTS));
}
