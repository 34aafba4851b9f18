import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import type { Framework } from '../../src/core/model/framework.ts';

/** The six built-in frameworks, parsed from seeds/ once per test file. */
export function builtinFrameworks(): Framework[] {
  const loaded = loadBuiltinFrameworks();
  if (!loaded.ok) throw new Error(`The seeds do not parse: ${JSON.stringify(loaded.issues, null, 2)}`);
  return loaded.value;
}

export function builtinFramework(id: string): Framework {
  const framework = builtinFrameworks().find((f) => f.id === id);
  if (!framework) throw new Error(`No built-in framework ${id}`);
  return framework;
}
