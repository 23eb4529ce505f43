import { commands } from './parts/commands.ts';
console.table(await commands(process.env.DATABASE_URL, process.argv[2] !== 'full'));
