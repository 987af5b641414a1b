import { Hono } from 'hono';
import type { GraphEnv } from '../graph-env';
import { requestedIdType, sendGraphJson, serviceRoot } from '../graph-response';
import { parseSubscriptionCreateInput, parseSubscriptionUpdateInput } from '../parse-subscription-input';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { renderSubscription } from '../render-subscription';
import type { SubscriptionRegistry } from '../subscription-registry';

/**
 * `/subscriptions`: create (after the validation handshake), list, get, renew or move by PATCH,
 * `POST /{id}/reauthorize`, DELETE. A caller sees its own app's subscriptions only.
 */
export function createSubscriptionRoutes(registry: SubscriptionRegistry): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.post('/subscriptions', async (c) => {
    const input = parseSubscriptionCreateInput(await readJsonBody(c));
    const subscription = await registry.create(input, c.get('principal'), requestedIdType(c));
    return sendGraphJson(c, renderSubscription(subscription, `${serviceRoot(c)}/$metadata#subscriptions/$entity`), { status: 201 });
  });
  routes.get('/subscriptions', (c) => {
    readQueryOptions(new URL(c.req.url), []);
    const value = registry.list(c.get('principal')).map((subscription) => renderSubscription(subscription));
    return sendGraphJson(c, { '@odata.context': `${serviceRoot(c)}/$metadata#subscriptions`, value });
  });
  routes.get('/subscriptions/:subscriptionId', (c) =>
    sendGraphJson(c, renderSubscription(registry.find(c.req.param('subscriptionId'), c.get('principal')), `${serviceRoot(c)}/$metadata#subscriptions/$entity`)),
  );
  routes.patch('/subscriptions/:subscriptionId', async (c) => {
    const input = parseSubscriptionUpdateInput(await readJsonBody(c));
    const subscription = await registry.update(c.req.param('subscriptionId'), c.get('principal'), input);
    return sendGraphJson(c, renderSubscription(subscription, `${serviceRoot(c)}/$metadata#subscriptions/$entity`));
  });
  routes.post('/subscriptions/:subscriptionId/reauthorize', (c) => {
    registry.reauthorize(c.req.param('subscriptionId'), c.get('principal'));
    return c.body(null, 204);
  });
  routes.delete('/subscriptions/:subscriptionId', (c) => {
    registry.delete(c.req.param('subscriptionId'), c.get('principal'));
    return c.body(null, 204);
  });
  return routes;
}
