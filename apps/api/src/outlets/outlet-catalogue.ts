import * as fs from 'node:fs';
import * as yaml from 'js-yaml';
import type { Channel, Level, Medium } from '@app/contracts';
import { shippedConfigPath } from '../config/paths';

export interface CatalogueOutlet {
  code: string;
  name: string;
  aliases: string[];
  level: Level;
  channel: Channel;
  medium: Medium;
  placeholder?: boolean;
}

/** The default outlet catalogue shipped in config/outlets.yaml. */
export function loadOutletCatalogue(): CatalogueOutlet[] {
  const doc = yaml.load(fs.readFileSync(shippedConfigPath('outlets.yaml'), 'utf8')) as { outlets: CatalogueOutlet[] };
  return doc.outlets.map((o) => ({ ...o, aliases: o.aliases ?? [], placeholder: o.placeholder ?? false }));
}
