import { createHash, hash } from 'node:crypto';

/**
 * The hashes of the audit chain and its checkpoints, pure functions (a verifier outside the app
 * can copy this file).
 *
 * Chain: chain_hash(seq) = SHA-256(chain_hash(seq − 1) ‖ row_hash(seq)), chain_hash(0) = 32 zero bytes.
 * Merkle tree: RFC 6962 / RFC 9162 §2.1 over the row hashes in seq order — leaf = SHA-256(0x00 ‖ row_hash),
 * node = SHA-256(0x01 ‖ left ‖ right), the left subtree the largest power of two below the size.
 */
export const GENESIS = Buffer.alloc(32);

// The verifier hashes a million rows three times over: one-shot crypto.hash over a reused buffer
// is about twice as fast as createHash().update().digest() per call.
const pair = Buffer.alloc(64);
const leaf = Buffer.alloc(33);
const node = Buffer.alloc(65);
node[0] = 1;

/** SHA-256(previous ‖ row hash), both 32 bytes. */
export function chainHash(previous: Buffer, rowHash: Buffer): Buffer {
  if (previous.length !== 32 || rowHash.length !== 32) return createHash('sha256').update(previous).update(rowHash).digest();
  previous.copy(pair, 0);
  rowHash.copy(pair, 32);
  return hash('sha256', pair, 'buffer');
}

/** SHA-256(0x00 ‖ row hash). */
export function leafHash(rowHash: Buffer): Buffer {
  if (rowHash.length !== 32) return createHash('sha256').update(Buffer.from([0])).update(rowHash).digest();
  rowHash.copy(leaf, 1);
  return hash('sha256', leaf, 'buffer');
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  left.copy(node, 1);
  right.copy(node, 33);
  return hash('sha256', node, 'buffer');
}

/** MTH of the empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

/**
 * The right edge of a Merkle tree built leaf by leaf: the roots of its perfect subtrees, largest
 * first (one per set bit of the size). Appending costs two hashes amortised; the root folds them.
 */
export class MerkleFrontier {
  constructor(
    public size = 0,
    readonly nodes: Buffer[] = [],
  ) {
    if (nodes.length !== popcount(size)) throw new Error(`a frontier of ${size} leaves has ${popcount(size)} nodes, not ${nodes.length}`);
  }

  /** Appends a row hash (hashed as a leaf here). */
  push(rowHash: Buffer): void {
    let node = leafHash(rowHash);
    let n = this.size;
    while (n & 1) {
      node = nodeHash(this.nodes.pop()!, node);
      n = Math.floor(n / 2);
    }
    this.nodes.push(node);
    this.size++;
  }

  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let r = this.nodes[this.nodes.length - 1];
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash(this.nodes[i], r);
    return r;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.size, [...this.nodes]);
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x & 1;
  return c;
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes leaves[from, to). */
function subtreeRoot(leaves: Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from];
  const k = split(n);
  return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
}

/** RFC 6962 §2.1.1 MTH over row hashes. */
export function merkleRoot(rowHashes: Buffer[]): Buffer {
  return subtreeRoot(rowHashes.map(leafHash), 0, rowHashes.length);
}

/**
 * RFC 6962 §2.1.2 PROOF(m, D[n]): the consistency proof that the tree of the first m row hashes
 * is a prefix of the tree of all n = rowHashes.length. O(n) hashes.
 */
export function consistencyProof(rowHashes: Buffer[], m: number): Buffer[] {
  const n = rowHashes.length;
  if (!Number.isSafeInteger(m) || m < 0 || m > n) throw new RangeError(`proof from ${m} needs 0 ≤ from ≤ ${n}`);
  if (m === 0 || m === n) return [];
  const leaves = rowHashes.map(leafHash);
  const proof: Buffer[] = [];
  const sub = (m: number, from: number, to: number, complete: boolean): void => {
    const n = to - from;
    if (m === n) {
      if (!complete) proof.push(subtreeRoot(leaves, from, to));
      return;
    }
    const k = split(n);
    if (m <= k) {
      sub(m, from, from + k, complete);
      proof.push(subtreeRoot(leaves, from + k, to));
    } else {
      sub(m - k, from + k, to, false);
      proof.push(subtreeRoot(leaves, from, from + k));
    }
  };
  sub(m, 0, n, true);
  return proof;
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree (first, firstRoot) is a prefix of (second, secondRoot)? */
export function verifyConsistency(first: number, second: number, firstRoot: Buffer, secondRoot: Buffer, proof: Buffer[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0; // the empty tree is a prefix of every tree
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
