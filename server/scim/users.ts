import type { ScimUserRecord } from '../store/identity-types';
import { scimUserFilterColumns } from '../store/identity-plans';
import {
  idOf,
  notFound,
  parse,
  queryOf,
  scim,
  scimBase,
  scimJson,
  userWriteOf,
  type Ctx,
  type ScimRouteDeps,
} from './handler';
import { patchSchema, patchUser } from './patch';
import { listResponse, userBodySchema, userResource, userWrite } from './wire';

/** SCIM Users: list (one filter), read, create, replace, patch, delete (disables the user). */
export function registerUserRoutes({ app, store, assign }: ScimRouteDeps) {
  const base = scimBase;
  const one = (c: Ctx, record: ScimUserRecord | undefined, status: 200 | 201 = 200) => {
    if (record === undefined) throw notFound('User', idOf(c));
    return scimJson(c, userResource(record, base(c)), status);
  };
  app.get(
    '/scim/v2/Users',
    scim(async (c) => {
      const query = queryOf(c, scimUserFilterColumns);
      const list = await store.scimUsers(query);
      return scimJson(
        c,
        listResponse(
          list,
          query.startIndex,
          list.resources.map((r) => userResource(r, base(c))),
        ),
      );
    }),
  );
  app.get(
    '/scim/v2/Users/:id',
    scim(async (c) => one(c, await store.scimUser(idOf(c)))),
  );
  app.post(
    '/scim/v2/Users',
    scim(async (c) => {
      const write = userWrite(await parse(c, userBodySchema));
      return one(c, await store.scimWriteUser(undefined, () => write, assign), 201);
    }),
  );
  app.put(
    '/scim/v2/Users/:id',
    scim(async (c) => {
      const write = userWrite(await parse(c, userBodySchema));
      return one(c, await store.scimWriteUser(idOf(c), () => write, assign));
    }),
  );
  app.patch(
    '/scim/v2/Users/:id',
    scim(async (c) => {
      const { Operations } = await parse(c, patchSchema);
      const decide = (current: ScimUserRecord | undefined) =>
        patchUser(userWriteOf(current!), Operations);
      return one(c, await store.scimWriteUser(idOf(c), decide, assign));
    }),
  );
  app.delete(
    '/scim/v2/Users/:id',
    scim(async (c) => {
      if (!(await store.scimDeleteUser(idOf(c)))) throw notFound('User', idOf(c));
      return c.body(null, 204);
    }),
  );
}
