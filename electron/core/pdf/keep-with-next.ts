/**
 * A section heading is never left alone at the foot of a page (issue #11, item 5): pdfmake
 * asks, node by node, whether to break the page before it (`pageBreakBefore`). A heading
 * (a paragraph with `keepWithNext`, drawn as a stack with `headlineLevel: 1`) moves to the next
 * page when nothing below it on its page starts lower than its own lines: what follows it went
 * to the next page. The heading's own lines start within its height; the threshold is above
 * one heading line (13 pt text, 1.5 leading, 6 pt after) and below two.
 */
export interface NodeInfo {
  headlineLevel?: number;
  pageNumbers?: number[];
  startPosition?: { pageNumber?: number; top?: number };
}

const OWN_LINES = 24;

export function keepHeadingsWithNext(node: NodeInfo, nodes: { getFollowingNodesOnPage: () => NodeInfo[] }): boolean {
  if (node.headlineLevel !== 1 || !node.startPosition) return false;
  const page = node.startPosition.pageNumber;
  const top = node.startPosition.top ?? 0;
  return !nodes.getFollowingNodesOnPage().some((n) => n.startPosition?.pageNumber === page && (n.startPosition?.top ?? 0) > top + OWN_LINES);
}
