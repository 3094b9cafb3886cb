// A small glTF 2.0 binary (GLB) viewer on WebGL 1, written for the flowengine demo page.
// It draws the triangle primitives of the default scene's meshes (node transforms ignored:
// the demo's models have none) with their base colour factor and base-colour texture, lit
// by one directional light. Drag to orbit, wheel to zoom.
const GlbViewer = (() => {
  const VERTEX = `
    attribute vec3 position; attribute vec3 normal; attribute vec2 uv;
    uniform mat4 projection; uniform mat4 view;
    varying vec3 vNormal; varying vec2 vUv;
    void main() { vNormal = mat3(view) * normal; vUv = uv; gl_Position = projection * view * vec4(position, 1.0); }`;
  const FRAGMENT = `
    precision mediump float;
    uniform vec4 baseColor; uniform sampler2D texture; uniform bool textured;
    varying vec3 vNormal; varying vec2 vUv;
    void main() {
      // The factor is linear, the texture already sRGB: bring the factor to sRGB, then multiply.
      vec4 color = vec4(pow(baseColor.rgb, vec3(1.0 / 2.2)), baseColor.a);
      if (textured) color *= texture2D(texture, vUv);
      vec3 n = normalize(vNormal);
      float light = 0.35 + 0.65 * max(dot(n, normalize(vec3(-0.4, 0.6, 0.7))), 0.0);
      gl_FragColor = vec4(color.rgb * light, color.a);
    }`;
  const SIZES = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
  const ARRAYS = { 5121: Uint8Array, 5123: Uint16Array, 5125: Uint32Array, 5126: Float32Array };

  function parse(bytes) {
    const data = new DataView(bytes.buffer);
    if (data.getUint32(0, true) !== 0x46546c67) throw new Error('not a GLB');
    const jsonLength = data.getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
    const binStart = 20 + jsonLength + 8;
    return { json, bin: bytes.subarray(binStart) };
  }

  function accessor(glb, index) {
    const a = glb.json.accessors[index];
    const view = glb.json.bufferViews[a.bufferView];
    const Type = ARRAYS[a.componentType];
    const offset = glb.bin.byteOffset + (view.byteOffset || 0) + (a.byteOffset || 0);
    return new Type(glb.bin.buffer.slice(offset, offset + a.count * SIZES[a.type] * Type.BYTES_PER_ELEMENT));
  }

  function compile(gl) {
    const program = gl.createProgram();
    for (const [type, source] of [[gl.VERTEX_SHADER, VERTEX], [gl.FRAGMENT_SHADER, FRAGMENT]]) {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
    }
    gl.linkProgram(program);
    return program;
  }

  function buffer(gl, target, array) {
    const b = gl.createBuffer();
    gl.bindBuffer(target, b);
    gl.bufferData(target, array, gl.STATIC_DRAW);
    return b;
  }

  function texture(gl, glb, index, redraw) {
    const image = glb.json.images[glb.json.textures[index].source];
    const view = glb.json.bufferViews[image.bufferView];
    const bytes = glb.bin.subarray(view.byteOffset || 0, (view.byteOffset || 0) + view.byteLength);
    const t = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array([255, 255, 255, 255]));
    const img = new Image();
    img.onload = () => {
      gl.bindTexture(gl.TEXTURE_2D, t);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, img);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      redraw();
    };
    img.src = URL.createObjectURL(new Blob([bytes], { type: image.mimeType }));
    return t;
  }

  function perspective(fov, aspect, near, far) {
    const f = 1 / Math.tan(fov / 2);
    return [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, (2 * far * near) / (near - far), 0];
  }

  function orbit(yaw, pitch, distance, center) {
    const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
    // Rotation (pitch after yaw) then translation of the centre to (0, 0, -distance); column-major.
    const r = [cy, sp * sy, -cp * sy, 0, 0, cp, sp, 0, sy, -sp * cy, cp * cy, 0];
    const t = [0, 1, 2].map(i => -(r[i] * center[0] + r[4 + i] * center[1] + r[8 + i] * center[2]));
    return [r[0], r[1], r[2], 0, r[4], r[5], r[6], 0, r[8], r[9], r[10], 0, t[0], t[1], t[2] - distance, 1];
  }

  function show(canvas, base64) {
    const gl = canvas.getContext('webgl', { preserveDrawingBuffer: true });
    if (!gl) { canvas.replaceWith(Object.assign(document.createElement('p'), { textContent: 'WebGL is not available here.' })); return; }
    gl.getExtension('OES_element_index_uint');
    const glb = parse(Uint8Array.from(atob(base64), c => c.charCodeAt(0)));
    const program = compile(gl);
    gl.useProgram(program);
    const loc = name => gl.getUniformLocation(program, name);
    let min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
    const draws = [];
    let frame = 0;
    const redraw = () => { if (!frame) frame = requestAnimationFrame(render); };
    for (const mesh of glb.json.meshes) {
      for (const p of mesh.primitives) {
        const a = glb.json.accessors[p.attributes.POSITION];
        min = min.map((v, i) => Math.min(v, a.min[i]));
        max = max.map((v, i) => Math.max(v, a.max[i]));
        const material = (glb.json.materials || [])[p.material] || {};
        const pbr = material.pbrMetallicRoughness || {};
        const indices = accessor(glb, p.indices);
        draws.push({
          position: buffer(gl, gl.ARRAY_BUFFER, accessor(glb, p.attributes.POSITION)),
          normal: p.attributes.NORMAL !== undefined ? buffer(gl, gl.ARRAY_BUFFER, accessor(glb, p.attributes.NORMAL)) : null,
          uv: p.attributes.TEXCOORD_0 !== undefined ? buffer(gl, gl.ARRAY_BUFFER, accessor(glb, p.attributes.TEXCOORD_0)) : null,
          indices: buffer(gl, gl.ELEMENT_ARRAY_BUFFER, indices),
          count: indices.length,
          type: indices instanceof Uint32Array ? gl.UNSIGNED_INT : gl.UNSIGNED_SHORT,
          color: pbr.baseColorFactor || [1, 1, 1, 1],
          texture: pbr.baseColorTexture ? texture(gl, glb, pbr.baseColorTexture.index, redraw) : null,
        });
      }
    }
    const center = min.map((v, i) => (v + max[i]) / 2);
    const radius = Math.hypot(...max.map((v, i) => v - min[i])) / 2;
    // Far enough that the bounding sphere fits the narrower of the vertical and the horizontal
    // field of view (the canvas's aspect ratio), so the whole model shows however it is turned.
    const halfFov = 0.4, halfFovX = Math.atan(Math.tan(halfFov) * canvas.width / canvas.height);
    let yaw = -0.5, pitch = 0.35, distance = (radius * 1.05) / Math.sin(Math.min(halfFov, halfFovX));
    function render() {
      frame = 0;
      gl.viewport(0, 0, canvas.width, canvas.height);
      gl.clearColor(0.91, 0.925, 0.94, 1);
      gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
      gl.enable(gl.DEPTH_TEST);
      gl.enable(gl.CULL_FACE);
      gl.uniformMatrix4fv(loc('projection'), false, perspective(2 * halfFov, canvas.width / canvas.height, radius * 0.05, radius * 20));
      gl.uniformMatrix4fv(loc('view'), false, orbit(yaw, pitch, distance, center));
      for (const d of draws) {
        for (const [name, b, size] of [['position', d.position, 3], ['normal', d.normal, 3], ['uv', d.uv, 2]]) {
          const attribute = gl.getAttribLocation(program, name);
          if (attribute < 0) continue;
          if (b) {
            gl.bindBuffer(gl.ARRAY_BUFFER, b);
            gl.enableVertexAttribArray(attribute);
            gl.vertexAttribPointer(attribute, size, gl.FLOAT, false, 0, 0);
          } else {
            gl.disableVertexAttribArray(attribute);
            gl.vertexAttrib3f(attribute, 0, 0, 1);
          }
        }
        gl.uniform4fv(loc('baseColor'), d.color);
        gl.uniform1i(loc('textured'), d.texture && d.uv ? 1 : 0);
        if (d.texture) { gl.activeTexture(gl.TEXTURE0); gl.bindTexture(gl.TEXTURE_2D, d.texture); gl.uniform1i(loc('texture'), 0); }
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, d.indices);
        gl.drawElements(gl.TRIANGLES, d.count, d.type, 0);
      }
    }
    let drag = null;
    canvas.addEventListener('pointerdown', e => { drag = [e.clientX, e.clientY]; canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener('pointerup', () => { drag = null; });
    canvas.addEventListener('pointermove', e => {
      if (!drag) return;
      yaw += (e.clientX - drag[0]) * 0.01;
      pitch = Math.max(-1.5, Math.min(1.5, pitch + (e.clientY - drag[1]) * 0.01));
      drag = [e.clientX, e.clientY];
      redraw();
    });
    canvas.addEventListener('wheel', e => { e.preventDefault(); distance *= Math.exp(e.deltaY * 0.001); redraw(); }, { passive: false });
    redraw();
  }

  return { show };
})();
