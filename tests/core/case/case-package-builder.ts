/** Small CASE packages written by hand for the import tests: items by identifier, parents by identifier. */
export type TestItem = { id: string; text: string; parent?: string; sequence?: number; code?: string; type?: string; label?: string };

export const DOC_ID = 'd0000000-0000-4000-8000-000000000000';

export function testPackage(items: readonly TestItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const link = (id: string) => ({ title: id, identifier: id, uri: `https://case.example.org/uri/${id}` });
  return {
    CFDocument: { identifier: DOC_ID, uri: `https://case.example.org/uri/${DOC_ID}`, creator: 'Test Board', title: 'Test Framework', lastChangeDateTime: '2024-05-01T00:00:00Z' },
    CFItems: items.map((item) => ({
      identifier: item.id,
      uri: `https://case.example.org/uri/${item.id}`,
      fullStatement: item.text,
      ...(item.code === undefined ? {} : { humanCodingScheme: item.code }),
      ...(item.type === undefined ? {} : { CFItemType: item.type }),
      ...(item.label === undefined ? {} : { abbreviatedStatement: item.label }),
      lastChangeDateTime: '2024-05-01T00:00:00Z',
    })),
    CFAssociations: items.map((item, index) => ({
      identifier: `a-${index}`,
      uri: `https://case.example.org/uri/a-${index}`,
      associationType: 'isChildOf',
      originNodeURI: link(item.id),
      destinationNodeURI: link(item.parent ?? DOC_ID),
      ...(item.sequence === undefined ? {} : { sequenceNumber: item.sequence }),
      lastChangeDateTime: '2024-05-01T00:00:00Z',
    })),
    ...extra,
  };
}

export function association(type: string, origin: string, destination: string, index: number): Record<string, unknown> {
  const link = (id: string) => ({ title: id, identifier: id, uri: `https://case.example.org/uri/${id}` });
  return { identifier: `x-${index}`, uri: `https://case.example.org/uri/x-${index}`, associationType: type, originNodeURI: link(origin), destinationNodeURI: link(destination), lastChangeDateTime: '2024-05-01T00:00:00Z' };
}
