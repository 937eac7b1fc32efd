import { createHash } from 'node:crypto';
import { consistencyProof, EMPTY_ROOT, leafHash, merkleRoot, MerkleFrontier, nodeHash, verifyConsistency } from './audit-merkle';

const rows = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => createHash('sha256').update(`row ${i}`).digest());

describe('audit Merkle tree (RFC 6962)', () => {
  it('hashes leaves and nodes with the RFC 6962 prefixes', () => {
    const [a, b, c] = rows(3);
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
    expect(merkleRoot([a])).toEqual(leafHash(a));
    expect(merkleRoot([a, b, c])).toEqual(nodeHash(nodeHash(leafHash(a), leafHash(b)), leafHash(c)));
  });

  it('the frontier gives the same root as the whole tree at every size, and resumes from a copy', () => {
    const all = rows(40);
    const sut = new MerkleFrontier();
    all.forEach((r, i) => {
      sut.push(r);
      expect(sut.root()).toEqual(merkleRoot(all.slice(0, i + 1)));
    });
    const at17 = new MerkleFrontier();
    all.slice(0, 17).forEach((r) => at17.push(r));
    const copy = new MerkleFrontier(at17.size, [...at17.nodes]);
    all.slice(17).forEach((r) => copy.push(r));
    expect(copy.root()).toEqual(merkleRoot(all));
  });

  it('proves consistency between every pair of sizes up to 33, and refuses altered proofs and roots', () => {
    const all = rows(33);
    for (let n = 1; n <= all.length; n++) {
      const second = merkleRoot(all.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const first = merkleRoot(all.slice(0, m));
        const proof = consistencyProof(all.slice(0, n), m);
        expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
        if (m < n) {
          expect(verifyConsistency(m, n, merkleRoot(rows(m).map((r) => createHash('sha256').update(r).update('x').digest())), second, proof)).toBe(false);
          if (proof.length > 0) {
            const bad = proof.map((p, i) => (i === proof.length - 1 ? createHash('sha256').update(p).digest() : p));
            expect(verifyConsistency(m, n, first, second, bad)).toBe(false);
          }
          expect(verifyConsistency(m, n, first, merkleRoot(all.slice(0, n - 1).concat(rows(1))), proof)).toBe(false);
        }
      }
    }
  });

  it('a rewritten past is not consistent', () => {
    const all = rows(20);
    const rewritten = [...all];
    rewritten[3] = createHash('sha256').update('forged').digest();
    const proof = consistencyProof(rewritten, 8);
    expect(verifyConsistency(8, 20, merkleRoot(all.slice(0, 8)), merkleRoot(rewritten), proof)).toBe(false);
  });
});
