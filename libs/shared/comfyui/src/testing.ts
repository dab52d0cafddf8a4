// Testing-only entry point (@lookbook/comfyui/testing): workflows in the shapes current ComfyUI writes, for the unit,
// end-to-end and browser suites. Production code never imports this (ESLint refuses it outside tests).

export const TEXT_TO_IMAGE_SUBGRAPH = '8f2d6c1a-4b3e-4c5d-9e7f-1a2b3c4d5e6f';
export const SAMPLER_SUBGRAPH = '3c9b7a52-6d1e-4f08-b2a4-95e0d7c8f613';

/**
 * A workflow as ComfyUI's current frontend saves it (schema 0.4 with `definitions.subgraphs`): one top-level
 * "Text to Image" subgraph instance (node 12) whose parameters are promoted widgets —
 * `properties.proxyWidgets` = the subgraph's own `prompt` and `seed` inputs (`"-1"`), `steps` and `cfg` of its
 * interior node 10, itself an instance of a nested "Sampler" subgraph that promotes its KSampler's seed, steps and
 * cfg, and an image preview (`$$`), which is not a value. The instance's `widgets_values` hold the promoted values in
 * that order, the seed followed by its control; the seed is 2^64 − 1, beyond what a double holds. Unknown keys carry
 * numbers JavaScript cannot round-trip (1e400, -0, 1.0, 2^64 − 1): they must come back byte for byte.
 */
export const PROMOTED_WIDGETS_WORKFLOW = `{
  "id": "0c5a1f3e-77aa-4f51-8d2b-6c3f0e9a1b24",
  "revision": 0,
  "last_node_id": 13,
  "last_link_id": 8,
  "nodes": [
    {
      "id": 12,
      "type": "${TEXT_TO_IMAGE_SUBGRAPH}",
      "pos": [420.5, 180.25],
      "size": [400, 520],
      "flags": {},
      "order": 0,
      "mode": 0,
      "inputs": [
        { "localized_name": "prompt", "name": "prompt", "type": "STRING", "widget": { "name": "prompt" }, "link": null },
        { "localized_name": "seed", "name": "seed", "type": "INT", "widget": { "name": "seed" }, "link": null }
      ],
      "outputs": [{ "localized_name": "IMAGE", "name": "IMAGE", "type": "IMAGE", "links": [8] }],
      "properties": {
        "proxyWidgets": [
          ["-1", "prompt"],
          ["-1", "seed"],
          ["10", "steps"],
          ["10", "cfg"],
          ["9", "$$canvas-image-preview"]
        ],
        "cnr_id": "comfy-core",
        "ver": "0.3.66"
      },
      "widgets_values": ["a lighthouse at dusk, oil on canvas", 18446744073709551615, "randomize", 30, 6.5, null],
      "lookbookProbe": { "big": 18446744073709551615, "huge": 1e400, "negativeZero": -0, "one": 1.0 }
    },
    {
      "id": 13,
      "type": "SaveImage",
      "pos": [900, 180],
      "size": [315, 270],
      "flags": {},
      "order": 1,
      "mode": 0,
      "inputs": [{ "localized_name": "images", "name": "images", "type": "IMAGE", "link": 8 }],
      "outputs": [],
      "properties": { "cnr_id": "comfy-core", "ver": "0.3.66" },
      "widgets_values": ["lighthouse"]
    }
  ],
  "links": [[8, 12, 0, 13, 0, "IMAGE"]],
  "groups": [],
  "definitions": {
    "subgraphs": [
      {
        "id": "${TEXT_TO_IMAGE_SUBGRAPH}",
        "version": 1,
        "state": { "lastGroupId": 0, "lastNodeId": 10, "lastLinkId": 7, "lastRerouteId": 0 },
        "revision": 0,
        "config": {},
        "name": "Text to Image",
        "inputNode": { "id": -10, "bounding": [-60, 200, 120, 80] },
        "outputNode": { "id": -20, "bounding": [1400, 200, 120, 60] },
        "inputs": [
          { "id": "6d0e3b9a-1f0c-4a4b-9a55-1d2e3f405161", "name": "prompt", "type": "STRING", "linkIds": [1], "localized_name": "prompt", "pos": [40, 220] },
          { "id": "a1b2c3d4-0e0f-4a1b-8c2d-3e4f5a6b7c8d", "name": "seed", "type": "INT", "linkIds": [2], "localized_name": "seed", "pos": [40, 240] }
        ],
        "outputs": [
          { "id": "f0e1d2c3-b4a5-4968-8776-655443322110", "name": "IMAGE", "type": "IMAGE", "linkIds": [7], "localized_name": "IMAGE", "pos": [1420, 220] }
        ],
        "widgets": [],
        "nodes": [
          {
            "id": 4,
            "type": "CheckpointLoaderSimple",
            "pos": [100, 100],
            "size": [315, 98],
            "flags": {},
            "order": 0,
            "mode": 0,
            "inputs": [],
            "outputs": [
              { "name": "MODEL", "type": "MODEL", "links": [3] },
              { "name": "CLIP", "type": "CLIP", "links": [4] },
              { "name": "VAE", "type": "VAE", "links": [6] }
            ],
            "properties": { "cnr_id": "comfy-core", "ver": "0.3.66" },
            "widgets_values": ["sd_xl_base_1.0.safetensors"]
          },
          {
            "id": 6,
            "type": "CLIPTextEncode",
            "pos": [450, 100],
            "size": [400, 200],
            "flags": {},
            "order": 1,
            "mode": 0,
            "inputs": [
              { "name": "clip", "type": "CLIP", "link": 4 },
              { "name": "text", "type": "STRING", "widget": { "name": "text" }, "link": 1 }
            ],
            "outputs": [{ "name": "CONDITIONING", "type": "CONDITIONING", "links": [5] }],
            "properties": { "cnr_id": "comfy-core", "ver": "0.3.66" },
            "widgets_values": ["a lighthouse at dusk, oil on canvas"]
          },
          {
            "id": 10,
            "type": "${SAMPLER_SUBGRAPH}",
            "pos": [900, 100],
            "size": [300, 200],
            "flags": {},
            "order": 2,
            "mode": 0,
            "inputs": [
              { "name": "model", "type": "MODEL", "link": 3 },
              { "name": "positive", "type": "CONDITIONING", "link": 5 },
              { "name": "seed", "type": "INT", "widget": { "name": "seed" }, "link": 2 }
            ],
            "outputs": [{ "name": "LATENT", "type": "LATENT", "links": [9] }],
            "properties": { "proxyWidgets": [["-1", "seed"], ["3", "steps"], ["3", "cfg"]] },
            "widgets_values": [18446744073709551615, "randomize", 30, 6.5]
          },
          {
            "id": 9,
            "type": "VAEDecode",
            "pos": [1200, 100],
            "size": [210, 46],
            "flags": {},
            "order": 3,
            "mode": 0,
            "inputs": [
              { "name": "samples", "type": "LATENT", "link": 9 },
              { "name": "vae", "type": "VAE", "link": 6 }
            ],
            "outputs": [{ "name": "IMAGE", "type": "IMAGE", "links": [7] }],
            "properties": { "cnr_id": "comfy-core", "ver": "0.3.66" },
            "widgets_values": []
          }
        ],
        "groups": [],
        "links": [
          { "id": 1, "origin_id": -10, "origin_slot": 0, "target_id": 6, "target_slot": 1, "type": "STRING" },
          { "id": 2, "origin_id": -10, "origin_slot": 1, "target_id": 10, "target_slot": 2, "type": "INT" },
          { "id": 3, "origin_id": 4, "origin_slot": 0, "target_id": 10, "target_slot": 0, "type": "MODEL" },
          { "id": 4, "origin_id": 4, "origin_slot": 1, "target_id": 6, "target_slot": 0, "type": "CLIP" },
          { "id": 5, "origin_id": 6, "origin_slot": 0, "target_id": 10, "target_slot": 1, "type": "CONDITIONING" },
          { "id": 6, "origin_id": 4, "origin_slot": 2, "target_id": 9, "target_slot": 1, "type": "VAE" },
          { "id": 9, "origin_id": 10, "origin_slot": 0, "target_id": 9, "target_slot": 0, "type": "LATENT" },
          { "id": 7, "origin_id": 9, "origin_slot": 0, "target_id": -20, "target_slot": 0, "type": "IMAGE" }
        ],
        "extra": {}
      },
      {
        "id": "${SAMPLER_SUBGRAPH}",
        "version": 1,
        "state": { "lastGroupId": 0, "lastNodeId": 3, "lastLinkId": 24, "lastRerouteId": 0 },
        "revision": 0,
        "config": {},
        "name": "Sampler",
        "inputNode": { "id": -10, "bounding": [-60, 200, 120, 100] },
        "outputNode": { "id": -20, "bounding": [700, 200, 120, 60] },
        "inputs": [
          { "id": "0a1b2c3d-4e5f-4061-8273-948596a7b8c9", "name": "model", "type": "MODEL", "linkIds": [21], "pos": [40, 220] },
          { "id": "1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0", "name": "positive", "type": "CONDITIONING", "linkIds": [22, 23], "pos": [40, 240] },
          { "id": "2c3d4e5f-6071-4283-94a5-b6c7d8e9f001", "name": "seed", "type": "INT", "linkIds": [24], "pos": [40, 260] }
        ],
        "outputs": [
          { "id": "3d4e5f60-7182-4394-a5b6-c7d8e9f00112", "name": "LATENT", "type": "LATENT", "linkIds": [25], "pos": [720, 220] }
        ],
        "widgets": [],
        "nodes": [
          {
            "id": 2,
            "type": "EmptyLatentImage",
            "pos": [100, 300],
            "size": [315, 106],
            "flags": {},
            "order": 0,
            "mode": 0,
            "inputs": [],
            "outputs": [{ "name": "LATENT", "type": "LATENT", "links": [26] }],
            "properties": { "cnr_id": "comfy-core", "ver": "0.3.66" },
            "widgets_values": [1024, 1024, 1]
          },
          {
            "id": 3,
            "type": "KSampler",
            "pos": [400, 100],
            "size": [315, 262],
            "flags": {},
            "order": 1,
            "mode": 0,
            "inputs": [
              { "name": "model", "type": "MODEL", "link": 21 },
              { "name": "positive", "type": "CONDITIONING", "link": 22 },
              { "name": "negative", "type": "CONDITIONING", "link": 23 },
              { "name": "latent_image", "type": "LATENT", "link": 26 },
              { "name": "seed", "type": "INT", "widget": { "name": "seed" }, "link": 24 }
            ],
            "outputs": [{ "name": "LATENT", "type": "LATENT", "links": [25] }],
            "properties": { "cnr_id": "comfy-core", "ver": "0.3.66", "Node name for S&R": "KSampler" },
            "widgets_values": [18446744073709551615, "randomize", 30, 6.5, "euler", "normal", 1]
          }
        ],
        "groups": [],
        "links": [
          { "id": 21, "origin_id": -10, "origin_slot": 0, "target_id": 3, "target_slot": 0, "type": "MODEL" },
          { "id": 22, "origin_id": -10, "origin_slot": 1, "target_id": 3, "target_slot": 1, "type": "CONDITIONING" },
          { "id": 23, "origin_id": -10, "origin_slot": 1, "target_id": 3, "target_slot": 2, "type": "CONDITIONING" },
          { "id": 24, "origin_id": -10, "origin_slot": 2, "target_id": 3, "target_slot": 4, "type": "INT" },
          { "id": 26, "origin_id": 2, "origin_slot": 0, "target_id": 3, "target_slot": 3, "type": "LATENT" },
          { "id": 25, "origin_id": 3, "origin_slot": 0, "target_id": -20, "target_slot": 0, "type": "LATENT" }
        ],
        "extra": {}
      }
    ]
  },
  "config": {},
  "extra": {
    "ds": { "scale": 0.8264462809917354, "offset": [-120.5, 35.25] },
    "frontendVersion": "1.28.7",
    "VHS_latentpreview": false
  },
  "version": 0.4
}
`;

/**
 * The API prompt ComfyUI queues for that workflow (what an image embeds beside it): subgraph interiors flattened,
 * their ids `instance:node`, as Python's json.dumps writes them (`6.5`, `1.0`, non-ASCII escaped).
 */
export const PROMOTED_WIDGETS_PROMPT = `{"12:4": {"inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}, "class_type": "CheckpointLoaderSimple", "_meta": {"title": "Load Checkpoint"}}, "12:6": {"inputs": {"text": "a lighthouse at dusk, oil on canvas", "clip": ["12:4", 1]}, "class_type": "CLIPTextEncode", "_meta": {"title": "CLIP Text Encode (Prompt)"}}, "12:10:2": {"inputs": {"width": 1024, "height": 1024, "batch_size": 1}, "class_type": "EmptyLatentImage", "_meta": {"title": "Empty Latent Image"}}, "12:10:3": {"inputs": {"seed": 18446744073709551615, "steps": 30, "cfg": 6.5, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0, "model": ["12:4", 0], "positive": ["12:6", 0], "negative": ["12:6", 0], "latent_image": ["12:10:2", 0]}, "class_type": "KSampler", "_meta": {"title": "KSampler \\u2014 caf\\u00e9"}}, "12:9": {"inputs": {"samples": ["12:10:3", 0], "vae": ["12:4", 2]}, "class_type": "VAEDecode", "_meta": {"title": "VAE Decode"}}, "13": {"inputs": {"filename_prefix": "lighthouse", "images": ["12:9", 0]}, "class_type": "SaveImage", "_meta": {"title": "Save Image"}}}`;

/**
 * A UI workflow whose subgraph definitions contain each other in a cycle of `length` (1: a definition containing
 * itself), used by a top-level instance.
 */
export function recursiveSubgraphWorkflow(length: number): string {
  const id = (i: number) => `5e1f0a2b-3c4d-4e5f-8a6b-7c8d9e0f1a${String(i % length).padStart(2, '0')}`;
  const definitions = Array.from({ length }, (_, i) => ({
    id: id(i),
    name: `Loop ${i}`,
    inputs: [],
    outputs: [],
    nodes: [{ id: 1, type: id(i + 1), widgets_values: [] }],
    links: [],
  }));
  return JSON.stringify({ nodes: [{ id: 1, type: id(0) }], links: [], definitions: { subgraphs: definitions } });
}
