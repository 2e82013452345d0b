import type { AdminDomainNode } from "@/lib/data/editorial/domains";

export type DomainOption = { id: string; label: string; topLevel: boolean };

/** Every domain for a select, in tree order: a child reads "Parent › Child". */
export function domainOptionsOf(tree: AdminDomainNode[]): DomainOption[] {
  return tree.flatMap((top) => [
    { id: top.id, label: top.name, topLevel: true },
    ...top.children.map((child) => ({ id: child.id, label: `${top.name} › ${child.name}`, topLevel: false })),
  ]);
}
