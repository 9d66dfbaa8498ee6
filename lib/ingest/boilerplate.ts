// Lines that are not speech: video-page and social-media boilerplate. Every rule matches a whole line. Rules marked
// "anywhere" are unambiguous (a separator rule, a link placeholder, a line of hashtags); the others match only in the
// footer, the block after the last speech, because "Follow us on…" mid-transcript may be someone speaking.
import type { Removal } from "./source";

type Where = "anywhere" | "footer";

interface Rule {
  removal: Removal;
  /** Where the rule applies when the line carries no link; a line with a link matches anywhere. */
  where: Where;
  matches: (line: string, hasLink: boolean) => boolean;
}

/** "[ Link ]" as video sites print links in descriptions, in the languages their pages come in. */
const LINK_PLACEHOLDER =
  /\[\s*(?:link|links|ссылка|lien|enlace|collegamento|ligação|odkaz|łącze|посилання|bağlantı|链接|リンク|링크|رابط)\s*\]/iu;
const URL = /(?:https?:\/\/|www\.)\S+/i;

// JavaScript's \b only knows ASCII letters, so word edges are written as (?<!\p{L}) and (?!\p{L}) throughout.
const SOCIAL_NETWORKS =
  /(?<!\p{L})(?:facebook|twitter|x\.com|instagram|linkedin|flickr|youtube|tiktok|google\+|telegram|vk|vkontakte|threads|mastodon|bluesky|whatsapp|snapchat|pinterest|soundcloud|spotify|twitch|odnoklassniki)(?![\p{L}])/iu;

const SUBSCRIBE_VERB =
  /^(?:please\s+|don[’']t forget to\s+|like (?:and|&) )?(?:subscribe|abonnez[- ]vous|abonniert?|abonnieren|suscr[ií]bete|suscríbanse|iscriviti|inscreva[- ]se|assine|подпишитесь|подписывайтесь|підпишіться|abonneer|subskrybuj|abone ol)(?!\p{L})/iu;
const SUBSCRIBE_OBJECT =
  /(?<!\p{L})(?:channel|chaîne|kanal|canal|канал|videos?|updates|news|notifications|bell|here|now|more)(?!\p{L})|[!:]\s*$/iu;

const SOCIAL_VERB =
  /^(?:follow|find|connect with|like|join|suivez|retrouvez|folgen sie|folge|síguenos|siguenos|seguici|siga|segue|следите|подписывайтесь на нас|мы в)(?!\p{L})/iu;

const MORE_VIDEOS =
  /^(?:more videos|watch more|plus de vidéos|d[’']autres vidéos|weitere videos|mehr videos|más videos|más vídeos|altri video|mais vídeos|mais videos|ещё видео|еще видео|больше видео|більше відео|meer video[’']s|więcej filmów|daha fazla video|更多视频|その他の動画)\s*[!.:…]*$/iu;

/** Three or more rule characters and nothing else: ▬▬▬, ----, ====, * * *, ───. */
const SEPARATOR = /^(?:\s*[▬━─═—–\-=_*~•·■◆★☆♦●]){3,}\s*$/u;

const HASHTAGS = /^(?:#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*[\s,.;]*)+$/u;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A short label, optionally with a colon, followed only by a link: "Visit the Official NATO Homepage: [ Link ]". */
function isLabelledLink(line: string): boolean {
  const link = LINK_PLACEHOLDER.exec(line) ?? URL.exec(line);
  if (!link) return false;
  const after = line.slice(link.index + link[0].length).trim();
  const before = line.slice(0, link.index).trim();
  return /^[.!]?$/.test(after) && wordCount(before) <= 10;
}

// Ordered from the most specific to the most general: a subscribe prompt with a link is reported as a subscribe
// prompt, not as a link placeholder.
const RULES: Rule[] = [
  {
    removal: { code: "subscribe", reason: "Channel footer: subscribe prompt." },
    where: "footer",
    matches: (line, hasLink) =>
      SUBSCRIBE_VERB.test(line) && wordCount(line) <= 12 && (hasLink || SUBSCRIBE_OBJECT.test(line)),
  },
  {
    removal: { code: "social", reason: "Channel footer: social media prompt." },
    where: "footer",
    matches: (line, hasLink) =>
      SOCIAL_VERB.test(line) &&
      wordCount(line) <= 12 &&
      (hasLink || SOCIAL_NETWORKS.test(line) || /(?:online\s*)?:\s*$|online$/iu.test(line)),
  },
  {
    removal: { code: "more-videos", reason: "Channel footer: “more videos” prompt." },
    where: "footer",
    matches: (line) => MORE_VIDEOS.test(line),
  },
  {
    removal: { code: "link-placeholder", reason: "Link placeholder, not speech." },
    where: "anywhere",
    matches: (line) => isLabelledLink(line),
  },
  {
    removal: { code: "hashtags", reason: "Hashtags only." },
    where: "anywhere",
    matches: (line) => HASHTAGS.test(line),
  },
  {
    removal: { code: "separator", reason: "Separator rule." },
    where: "anywhere",
    matches: (line) => SEPARATOR.test(line),
  },
];

/**
 * Why a line is boilerplate, or null when it may be speech. `inFooter` allows the footer-only rules; a line that
 * carries a link placeholder or URL is unambiguous wherever it stands.
 */
export function classifyBoilerplate(line: string, inFooter: boolean): Removal | null {
  const text = line.trim();
  if (text === "") return null;
  const hasLink = isLabelledLink(text);
  for (const rule of RULES) {
    if (rule.where === "footer" && !inFooter && !hasLink) continue;
    if (rule.matches(text, hasLink)) return rule.removal;
  }
  return null;
}
