import { pushEndpointProblem } from './push-sender';

describe('pushEndpointProblem', () => {
  it('takes any http(s) URL without credentials where local endpoints are allowed (demo, tests)', async () => {
    expect(await pushEndpointProblem('http://127.0.0.1:4000/push/a', true)).toBeNull();
    expect(await pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', true)).toBeNull();
    expect(await pushEndpointProblem('file:///etc/passwd', true)).toMatch(/http\(s\)/);
    expect(await pushEndpointProblem('https://user:pw@push.example/x', true)).toMatch(/credentials/);
    expect(await pushEndpointProblem('nonsense', true)).toBe('not a URL');
  });

  it.each([
    ['http://push.example/x', /https/],
    ['https://127.0.0.1/x', /local/],
    ['https://localhost:8443/x', /local/],
    ['https://10.1.2.3/x', /local/],
    ['https://192.168.0.10/x', /local/],
    ['https://169.254.169.254/latest/meta-data', /local/],
    ['https://[::1]/x', /local/],
    ['https://[::ffff:127.0.0.1]/x', /local/],
    ['https://[fd00::1]/x', /local/],
  ])('refuses %s where local endpoints are not allowed (production)', async (endpoint, problem) => {
    expect(await pushEndpointProblem(endpoint, false)).toMatch(problem);
  });

  it('takes a public https address in production', async () => {
    expect(await pushEndpointProblem('https://93.184.215.14/push/x', false)).toBeNull();
  });
});
