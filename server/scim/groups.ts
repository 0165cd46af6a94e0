import type { ScimGroupRecord } from '../store/identity-types';
import { scimGroupFilterColumns } from '../store/identity-plans';
import {
  groupWriteOf,
  idOf,
  notFound,
  parse,
  queryOf,
  scim,
  scimBase,
  scimJson,
  type Ctx,
  type ScimRouteDeps,
} from './handler';
import { patchGroup, patchSchema } from './patch';
import { groupBodySchema, groupResource, listResponse } from './wire';

/** SCIM Groups: their members' teams and roles follow the config's group mapping. */
export function registerGroupRoutes({ app, store, assign }: ScimRouteDeps) {
  const base = scimBase;
  const members = (c: Ctx) =>
    !/(^|,)\s*members\s*(,|$)/i.test(c.req.query('excludedAttributes') ?? '');
  const one = (c: Ctx, record: ScimGroupRecord | undefined, status: 200 | 201 = 200) => {
    if (record === undefined) throw notFound('Group', idOf(c));
    return scimJson(c, groupResource(record, base(c), members(c)), status);
  };
  app.get(
    '/scim/v2/Groups',
    scim(async (c) => {
      const query = queryOf(c, scimGroupFilterColumns);
      const list = await store.scimGroups(query);
      const resources = list.resources.map((r) => groupResource(r, base(c), members(c)));
      return scimJson(c, listResponse(list, query.startIndex, resources));
    }),
  );
  app.get(
    '/scim/v2/Groups/:id',
    scim(async (c) => one(c, await store.scimGroup(idOf(c)))),
  );
  app.post(
    '/scim/v2/Groups',
    scim(async (c) => {
      const body = await parse(c, groupBodySchema);
      const write = {
        displayName: body.displayName,
        externalId: body.externalId,
        members: body.members.map((m) => m.value),
      };
      return one(c, await store.scimWriteGroup(undefined, () => write, assign), 201);
    }),
  );
  app.put(
    '/scim/v2/Groups/:id',
    scim(async (c) => {
      const body = await parse(c, groupBodySchema);
      const write = {
        displayName: body.displayName,
        externalId: body.externalId,
        members: body.members.map((m) => m.value),
      };
      return one(c, await store.scimWriteGroup(idOf(c), () => write, assign));
    }),
  );
  app.patch(
    '/scim/v2/Groups/:id',
    scim(async (c) => {
      const { Operations } = await parse(c, patchSchema);
      const decide = (current: ScimGroupRecord | undefined) =>
        patchGroup(groupWriteOf(current!), Operations);
      const record = await store.scimWriteGroup(idOf(c), decide, assign);
      if (record === undefined) throw notFound('Group', idOf(c));
      return c.body(null, 204);
    }),
  );
  app.delete(
    '/scim/v2/Groups/:id',
    scim(async (c) => {
      if (!(await store.scimDeleteGroup(idOf(c), assign))) throw notFound('Group', idOf(c));
      return c.body(null, 204);
    }),
  );
}
