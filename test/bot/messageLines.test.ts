/**
 * A message's line breaks reach the analyzer: Teams joins the lines of a message with spaces in
 * `text` and keeps them in the `text/html` attachment beside it; other clients send "\n". Unit
 * tests of reading the lines, then the whole bot over the real Bot Framework HTTP protocol.
 */
import { messageLines } from '../../src/chat';
import { questionTextOf } from '../../src/bot/routes/question';
import { answerText } from '../../src/knowledge/answerText';
import { loadKnowledgeBase, type IndexedKnowledgeBase } from '../../src/knowledge';
import { ASKER_CONVERSATION, botPerTest, cardOf, personal, sentTo } from '../escalation/botHarness';

/** Greeting, context and question on lines of their own, without a mark between them. */
const LINES = ['hallo zusammen', 'ich bin lehrerin an einer gesamtschule in hagen', 'welche handlungsfelder haben die KIs?'];
/** As Teams sends that message: `text` with the lines joined by spaces, the lines in the HTML. */
const TEAMS_TEXT = LINES.join(' ');
const TEAMS_HTML = `<div><div>${LINES.map((line) => `<div>${line}</div>`).join('')}</div></div>`;

describe('messageLines', () => {
  it('should keep line breaks, collapse the spaces within each line and drop empty lines', () => {
    expect(messageLines('  Guten Tag,\r\n\tich bin neu.  \n\n\n\nWo sitzt die LaKI?  ')).toBe('Guten Tag,\nich bin neu.\nWo sitzt die LaKI?');
  });

  it('should end a line at block and break tags, drop other tags and decode character references', () => {
    expect(messageLines('<p>Von: A&amp;B&nbsp;GmbH</p><p>Wo sitzt <b>die</b> LaKI?<br/>Danke &#8211; &#x263A;</p>')).toBe('Von: A&B GmbH\nWo sitzt die LaKI?\nDanke – ☺');
  });

  it('should leave text without tags or references as it is but for spaces', () => {
    expect(messageLines('Kinder < 6 Jahre & Eltern?')).toBe('Kinder < 6 Jahre & Eltern?');
  });
});

describe('questionTextOf', () => {
  const html = (content: string) => [{ contentType: 'text/html', content }];

  it('should read the lines from the HTML Teams sends beside the joined text', () => {
    expect(messageLines(questionTextOf({ text: TEAMS_TEXT, attachments: html(TEAMS_HTML) }))).toBe(LINES.join('\n'));
  });

  it('should drop a mention from the HTML that the bot removed from the text', () => {
    const activity = { text: 'Wo sitzt die LaKI?', attachments: html('<p><at id="0">LaKI-Assistent</at> Wo sitzt die LaKI?</p>') };
    expect(messageLines(questionTextOf(activity))).toBe('Wo sitzt die LaKI?');
  });

  it('should keep the text when the HTML says something else, or there is none', () => {
    expect(questionTextOf({ text: 'Wo sitzt die LaKI?', attachments: html('<p>Ein anderer Text</p>') })).toBe('Wo sitzt die LaKI?');
    expect(questionTextOf({ text: 'eins\nzwei' })).toBe('eins\nzwei');
    expect(questionTextOf({ text: 'Wo?', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] })).toBe('Wo?');
  });
});

describe('a message written on several lines (HTTP protocol)', () => {
  let knowledge: IndexedKnowledgeBase;
  beforeAll(async () => {
    knowledge = await loadKnowledgeBase('knowledge');
  });
  const running = botPerTest();

  const lastCard = () => cardOf(sentTo(running.connector, ASKER_CONVERSATION).filter((activity) => activity.type === 'message').at(-1));
  const expected = () => answerText(knowledge.getEntry('handlungsfelder-ueberblick')!);

  it('should answer it as Teams sends it, reading the lines from the HTML', async () => {
    const { bot, connector } = running;
    expect(await bot.post(personal(connector, { text: TEAMS_TEXT, attachments: [{ contentType: 'text/html', content: TEAMS_HTML }] }))).toBe(200);
    expect(lastCard().fallbackText).toBe(expected());
  });

  it('should answer it as other clients send it, with line breaks in the text', async () => {
    const { bot, connector } = running;
    expect(await bot.post(personal(connector, { text: LINES.join('\n') }))).toBe(200);
    expect(lastCard().fallbackText).toBe(expected());
  });
});
