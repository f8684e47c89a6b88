/**
 * The tenant restriction with the Microsoft 365 Agents Playground, as `npm run dev` runs it
 * (env/.env.local sets TEAMS_TENANT_ID to the Playground's tenant): installation, typed
 * questions and card clicks from the allowed tenant must all work; the same service with another
 * tenant configured must refuse them.
 */
import { adaptiveCardIn, startPlayground, type Playground, type PlaygroundMessage } from '../helpers/playground';
import { ServerMessages } from '../../src/server/messages';
import { submitDataOf } from '../helpers/activities';
import { startProductionService, type ProductionService } from './service';

jest.setTimeout(180_000);

const after = (seq: number) => (message: PlaygroundMessage) => message.seq > seq;

describe('tenant restriction with the Agents Playground', () => {
  let playground: Playground | undefined;
  let service: ProductionService | undefined;

  afterEach(async () => {
    await playground?.close();
    await service?.close();
    playground = undefined;
    service = undefined;
  });

  it('should serve the Playground tenant fully: welcome on install, answers and card clicks', async () => {
    // The Playground's fixed tenant (see src/escalation/README.md and env/.env.local).
    service = await startProductionService({ TEAMS_TENANT_ID: '00000000-0000-0000-0000-0000000000001' });
    playground = await startPlayground({ botEndpoint: `${service.url}/api/messages` });
    expect(playground.config.tenantId).toBe('00000000-0000-0000-0000-0000000000001');

    const before = playground.messages().length;
    await playground.install();
    await playground.waitForBotMessage((message) => after(before)(message) && adaptiveCardIn(message) !== undefined, 30_000);

    const sent = await playground.sendAsUser('Telefonnummer der LaKI');
    const answer = await playground.waitForBotMessage((message) => after(sent.seq)(message) && adaptiveCardIn(message) !== undefined, 30_000);
    expect(JSON.stringify(adaptiveCardIn(answer))).toContain('tel:');

    // A click on the card (Action.Submit) comes from the same tenant and is answered too.
    const [button] = submitDataOf(adaptiveCardIn(answer));
    expect(button).toBeDefined();
    const { title: _title, ...value } = button;
    const clickedAt = playground.messages().length;
    await playground.submitCard(answer, value);
    await playground.waitForBotMessage(after(clickedAt), 30_000);
    expect(service.logLines().filter((line) => String(line.msg).startsWith('activity refused'))).toEqual([]);
    expect(service.storedRows().questions).toBeGreaterThanOrEqual(1);
  });

  it('should refuse the Playground when another tenant is configured', async () => {
    service = await startProductionService({ TEAMS_TENANT_ID: '11111111-2222-3333-4444-555555555555' });
    playground = await startPlayground({ botEndpoint: `${service.url}/api/messages` });
    const sent = await playground.sendAsUser('Wie erreiche ich die LaKI per Telefon?');
    const reply = await playground.waitForBotMessage(after(sent.seq), 30_000);
    expect(reply.text).toBe(ServerMessages.foreignTenant);
    expect(service.storedRows().questions).toBe(0);
  });
});
