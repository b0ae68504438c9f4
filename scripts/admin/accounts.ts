import { createInterface } from 'node:readline/promises';

import { readyDb } from '@/db';
import { createApiToken } from '@/db/queries/api-tokens';
import { createUser, findUnitIdByCode } from '@/db/queries/users';
import { passwordSchema, usernameSchema } from '@/lib/auth/password-policy';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { hashPassword, hashToken, newSecretToken } from '@/server/secrets';

import type { Command } from './commands';

const CLI_ACTOR = { userId: null, label: 'cli' };

function roleFrom(value: unknown): Role {
  if (!ROLES.includes(value as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

async function unitFrom(role: Role, code: unknown): Promise<number | null> {
  if (role !== 'manager') return null;
  if (typeof code !== 'string') throw new Error('a manager needs --unit CODE');
  const id = await findUnitIdByCode(await readyDb(), { code });
  if (id === null) throw new Error(`no unit ${code}`);
  return id;
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('give --password, or run in a terminal to be asked for it');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

export const accountCommands: Command[] = [
  {
    name: ['user', 'create'],
    usage: 'user create --username U --role admin|leader|manager|operator [--unit CODE] [--password P]',
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      password: { type: 'string' },
    },
    async run({ values }) {
      const username = usernameSchema.parse(values.username ?? '');
      const role = roleFrom(values.role);
      const unitId = await unitFrom(role, values.unit);
      const password = passwordSchema.parse(
        typeof values.password === 'string' ? values.password : await askPassword(),
      );
      const user = await createUser(
        await readyDb(),
        { username, role, unitId, passwordHash: await hashPassword(password) },
        CLI_ACTOR,
      );
      console.log(`Created ${user.role} ${user.username} (id ${user.id})`);
    },
  },
  {
    name: ['token', 'create'],
    usage: 'token create --name N --role leader|manager|admin [--unit CODE]   prints the token on its last line',
    options: { name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' } },
    async run({ values }) {
      if (typeof values.name !== 'string' || !values.name.trim()) throw new Error('token create needs --name');
      const role = roleFrom(values.role);
      const token = newSecretToken('hl_');
      const row = await createApiToken(
        await readyDb(),
        { name: values.name.trim(), tokenHash: hashToken(token), role, unitId: await unitFrom(role, values.unit) },
        CLI_ACTOR,
      );
      console.log(`API token ${row.name} (id ${row.id}, role ${row.role}). It is shown once; store it now:`);
      console.log(token);
    },
  },
];
