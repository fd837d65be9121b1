import { listZoo, type ZooEntry } from '../../../core/zoo';
import { ZOO_ZH } from '../locales/zh-CN/zoo';

/** The built-in models with their titles and descriptions in the reader's language. */
export function zooEntries(locale: string): ZooEntry[] {
  const zh = locale.toLowerCase().startsWith('zh');
  return listZoo().map((z) => {
    const own = zh ? ZOO_ZH[z.name] : undefined;
    return own ? { ...z, title: own.title ?? z.title, description: own.description } : z;
  });
}
