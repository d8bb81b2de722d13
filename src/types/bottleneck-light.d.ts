// bottleneck's light build (no clustering), which @octokit/plugin-throttling itself uses,
// has the full build's API but ships no types of its own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
