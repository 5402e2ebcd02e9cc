/** `sentinela goods`: controlled-goods screening of order files, and the catalog's versions. */
import type { Command } from 'commander';
import { registerGoodsCatalog } from './goods-catalog-command.js';
import { registerGoodsScreen } from './goods-screen-command.js';
import { type CommandIo, processIo } from '../shared/command-io.js';

export function register(program: Command, io: CommandIo = processIo()): void {
  const goods = program
    .command('goods')
    .description('controlled goods: screen order files; catalog versions (import, list, show, diff)')
    .showHelpAfterError();
  registerGoodsScreen(goods, io);
  registerGoodsCatalog(goods, io);
}
