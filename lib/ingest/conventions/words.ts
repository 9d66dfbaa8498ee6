// The word lists the name logic reads: job titles, organisation and event words, name particles, sentence openers
// and labels that introduce something other than a speaker. Kept apart so the rules stay readable.

export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Words of a job title; in "NATO Secretary General Jens Stoltenberg" they separate the title from the name. */
export const TITLE_WORDS = words(`
  secretary general secretary-general president vice vice-president prime minister ministers deputy foreign
  defence defense interior finance high representative ambassador chancellor spokesperson spokesman spokeswoman
  commissioner chair chairman chairwoman chairperson director chief executive governor mayor senator congressman
  congresswoman king queen prince princess pope commander admiral colonel captain lieutenant sergeant marshal envoy
  special head leader premier cardinal archbishop bishop judge attorney mr mr. mrs mrs. ms ms. dr dr. prof prof.
  professor sir dame lord lady officer ceo founder state first former acting assistant undersecretary counsellor
  adviser advisor coordinator rapporteur moderator host anchor correspondent editor reporter journalist sheikh emir
  sultan crown senior national security affairs
  bundeskanzler bundeskanzlerin kanzler kanzlerin ministerpräsident ministerpräsidentin präsident präsidentin
  ministerin außenminister außenministerin regierungssprecher regierungssprecherin sprecher sprecherin bürgermeister
  président présidente ministre porte-parole secrétaire presidente ministra portavoz secretario secretaria
`);

/** Words that make a capitalised phrase an organisation or an event rather than a person. */
export const ORGANISATION_WORDS = words(`
  mission council commission union force forces ministry agency organization organisation bank party court committee
  parliament alliance government office department assembly senate congress nations army navy police university
  institute association foundation group company corporation federation league authority service services bureau
  news times post press television radio desk newsroom studio
`);

export const EVENT_WORDS = words(`
  conference briefing meeting meetings summit speech remarks statement interview session hearing debate transcript
  address update report doorstep questions answers ministerial event forum keynote panel opening closing joint media
  availability announcement visit talks programme program show episode podcast webinar lecture press
  pressekonferenz pressebriefing pressestatement rede interview conférence point presse discours entretien débat
  rueda prensa conferencia discurso entrevista comparecencia пресс-конференция брифинг выступление интервью
  пресконференція брифінг виступ інтерв'ю
`);

/** Lower-case parts of names: "Ursula von der Leyen", "Charles de Gaulle". */
export const NAME_PARTICLES = words(
  "von van der den de del della di da das dos du la le al el bin ibn ben y ter ten zu af",
);

/** Capitalised words that open sentences, never names: "He said:", "Note:". */
export const NOT_NAME_START = words(`
  the a an this that these those we i he she it they you our my his her their its and but or so if when then now here
  there what why how who where yes no well also today yesterday tomorrow thank thanks dear ladies good hello hi please
  let finally first second third last next in on at for from to by with as all every some many most one two
`);

/** Labels that introduce something other than a speaker. */
export const NON_SPEAKER_LABELS = words(`
  note notes nb ps update updated source sources example warning caution important reminder transcript translation
  correction corrections date time location place venue subject topic topics agenda summary background context
  disclaimer caption photo video audio tags keywords category link links website web email e-mail phone tel fax url
  applause laughter laughs music inaudible crosstalk silence cheering cheers noise unintelligible indistinct pause
  break end start intro outro chapter part section step live breaking exclusive watch read listen see also follow
  subscribe visit find connect contact share more related recommended facebook twitter instagram youtube linkedin
  flickr tiktok telegram monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december tip hint ссылка lien enlace
`);
export const NON_SPEAKER_PHRASES = new Set(["editor's note", "editor’s note", "foreign language", "end of transcript"]);

export const QUESTIONER_LABELS = new Map([
  ["q", "Question"],
  ["question", "Question"],
  ["questioner", "Question"],
  ["journalist", "Journalist"],
  ["reporter", "Reporter"],
  ["interviewer", "Interviewer"],
  ["audience member", "Audience member"],
  // The same labels in the other languages newsrooms receive.
  ["frage", "Question"],
  ["journaliste", "Journalist"],
  ["pregunta", "Question"],
  ["periodista", "Journalist"],
  ["вопрос", "Question"],
  ["журналист", "Journalist"],
  ["питання", "Question"],
  ["журналіст", "Journalist"],
]);
export const MODERATOR_LABELS = words("moderator host chair chairman chairwoman chairperson presenter anchor mc");

/** Forms of address: part of a title, but they do not make someone an official. */
export const HONORIFICS = words("mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady");

/** Capitalised words that join the parts of a title rather than belong to a name ("… By NATO …"). */
export const RUN_BREAKERS = words(
  "by with of the following and at in on for from to after before during about between ahead",
);

/** Abbreviations a speaker label may hold before its name ("Dr. Ana Lopes", "Gen. Mark Milley", "U.S. Ambassador …"). */
export const LABEL_ABBREVIATIONS = words(`
  mr mrs ms dr prof st gen sen rep gov lt col capt sgt adm maj cmdr jr sr hon rev fr u.s u.k u.n amb pres sec
`);
