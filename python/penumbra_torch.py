#!/usr/bin/python3
"""Penumbra's networks in PyTorch, and the loader of the files that `penumbra export` writes.

    import torch, penumbra_torch
    model = penumbra_torch.load("model.safetensors")      # a torch.nn.Module in eval mode
    logits = model(torch.rand(1, 1, 128, 128))            # what forward returns depends on the model (below)

Needs only torch (Debian's python3-torch works; run it with /usr/bin/python3): the safetensors file is parsed
here with struct, json and torch.frombuffer, so the `safetensors` package is not needed.

The file: an 8-byte little-endian header length N, N bytes of JSON mapping each tensor name to its dtype, shape
and data_offsets, then the raw little-endian data (https://github.com/huggingface/safetensors). Its
"__metadata__" holds "penumbra", a JSON string with the model's settings, from which `build` makes the network.
Tensor names are the state_dict names of the modules below.

Models (the registry names of `penumbra train --model`) and their forwards; x is B x C_in x H x W in [0, 1]:
  softmax    SoftmaxUNet: forward(x) -> B x C x H x W logits.
  ensemble   Ensemble: forward(x) -> B x C x H x W, the mean of the members' softmax probabilities;
             member_logits(x) -> M x B x C x H x W.
  mcdropout  McDropoutUNet: forward(x) -> logits with dropout off (batch norm on its running statistics);
             forward_with_masks(x, masks) -> logits with given channel-dropout keep masks (see there).
  punet      ProbabilisticUNet: forward(x) -> logits with z = the prior's mean; forward_z(x, z) -> logits for
             given B x D latents; prior(x) and posterior(x, labels) -> (mu, log_sigma), each B x D.
  ssn        StochasticSegmentationNetwork: forward(x) -> the mean logits; distribution(x) -> (mean B x C x H x W,
             factor B x R x C x H x W, diag B x C x H x W); logits_given_noise(x, eps1, eps2) -> n x B x C x H x W
             logits mu + P eps1 + sqrt(D) eps2 for standard-normal eps1 (n x B x R) and eps2 (n x B x C x H x W).
  tta        TtaUNet: forward(x) -> B x C x H x W, the mean over the transforms of the group (8 flips and quarter
             turns with rotations on a square image, else the 4 flips) of the softmax probabilities mapped back;
             logits(x) -> the U-Net's logits on x itself.
Every model also has sample(x, n, generator=None) -> n x B x C x H x W probabilities, drawn as Penumbra draws them.
"""
import json
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

FORMAT = "penumbra-torch"
FORMAT_VERSION = 1
METADATA_KEY = "penumbra"
DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "I64": torch.int64,
          "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}
LEAKY_SLOPE = 0.01  # GaussianEncoder's LeakyReLU, as in Penumbra (and torch's default)
BATCH_NORM_EPSILON = 1e-5  # DJL's and torch's default


# --- the file ---------------------------------------------------------------------------------------------------

def read_safetensors(path):
    """Returns ({name: tensor}, {metadata key: string}) of a safetensors file, without the safetensors package."""
    if sys.byteorder != "little":
        raise RuntimeError("this reader maps little-endian data directly and needs a little-endian machine")
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError("%s is not a safetensors file: %d bytes, shorter than the 8-byte header length"
                         % (path, len(data)))
    (n,) = struct.unpack("<Q", data[:8])
    if 8 + n > len(data):
        raise ValueError("%s is not a safetensors file or is cut short: its header length is %d but the file has"
                         " %d bytes" % (path, n, len(data)))
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    buffer = memoryview(data)[8 + n:]
    tensors = {}
    for name, info in header.items():
        dtype = DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError("%s: tensor %s has dtype %s, which this reader does not know"
                             % (path, name, info["dtype"]))
        begin, end = info["data_offsets"]
        if not 0 <= begin <= end <= len(buffer):
            raise ValueError("%s: tensor %s lies at bytes %d..%d of a %d-byte buffer"
                             % (path, name, begin, end, len(buffer)))
        raw = bytearray(buffer[begin:end])  # a writable copy: torch.frombuffer warns on read-only memory
        flat = torch.frombuffer(raw, dtype=dtype) if end > begin else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors, metadata


def settings_of(metadata, path="the file"):
    """The Penumbra settings (a dict) stored in a file's metadata."""
    if METADATA_KEY not in metadata:
        raise ValueError("%s has no '%s' metadata: it was not written by 'penumbra export'" % (path, METADATA_KEY))
    s = json.loads(metadata[METADATA_KEY])
    if s.get("format") != FORMAT or s.get("version") != FORMAT_VERSION:
        raise ValueError("%s holds format %s version %s; this module reads %s version %d"
                         % (path, s.get("format"), s.get("version"), FORMAT, FORMAT_VERSION))
    return s


def load(path):
    """The exported model of `path` with its weights and batch-norm statistics, in eval mode."""
    tensors, metadata = read_safetensors(path)
    model = build(settings_of(metadata, path))
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    # torch's batch norm counts its batches; Penumbra's does not, and eval mode never reads the count
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise ValueError("%s does not fit the %s network it describes: missing %s, unexpected %s"
                         % (path, settings_of(metadata)["model"], missing, unexpected))
    return model.eval()


def build(settings):
    """A freshly initialised network of the settings `penumbra export` stores (see load)."""
    b = settings["backbone"]
    own = settings["settings"]
    name = settings["model"]
    size = settings["input"]

    def unet(kind=UNet, p=0.0, input_dropout=True, head=True, **extra):
        return kind(b["inChannels"], b["classes"], b["filters"], b["convsPerBlock"], p, b["batchNorm"],
                    b["residual"], input_dropout, head, **extra)

    if name == "softmax":
        return unet(SoftmaxUNet)
    if name == "ensemble":
        return Ensemble([unet() for _ in range(own["members"])])
    if name == "mcdropout":
        return unet(McDropoutUNet, own["dropout"], own["inputDropout"])
    if name == "tta":
        return unet(TtaUNet, rotations=own["rotations"])
    if name == "punet":
        def encoder(in_channels):
            return GaussianEncoder(in_channels, b["filters"], b["convsPerBlock"], b["batchNorm"], b["residual"],
                                   own["latentDim"], size["height"], size["width"], settings["encoderHidden"])
        return ProbabilisticUNet(unet(head=False), encoder(b["inChannels"]), encoder(b["inChannels"] + b["classes"]),
                                 Fcomb(b["filters"][0], own["latentDim"], b["classes"]), b["classes"])
    if name == "ssn":
        return StochasticSegmentationNetwork(unet(head=False), LowRankGaussianHead(
            b["filters"][0], b["classes"], own["rank"], own["epsilon"]))
    raise ValueError("model '%s' is not one this module builds: expected softmax, ensemble, mcdropout, punet, ssn"
                     " or tta" % name)


# --- blocks (dev.penumbra.nn) ------------------------------------------------------------------------------------

class ChannelDropout(nn.Dropout2d):
    """Dropout2d as Penumbra's ChannelDropout: whole channels kept with probability 1 - p and scaled by 1 / (1 - p).

    On in train mode (as any Dropout2d); forward(x, mask) applies a given B x C x 1 x 1 keep mask (1 keep, 0 drop)."""

    def forward(self, x, mask=None):
        if self.p == 0:
            return x
        if mask is not None:
            return x * (mask.to(x.dtype) / (1 - self.p))
        return super().forward(x)


class ConvBlock(nn.Module):
    """[batch norm] -> channel dropout (p) -> n x (3x3 conv, padding 1, ReLU), [+ 1x1 projection of the input]."""

    def __init__(self, cin, cout, convs, p, batch_norm=True, residual=False):
        super().__init__()
        self.norm = nn.BatchNorm2d(cin, eps=BATCH_NORM_EPSILON) if batch_norm else None
        self.dropout = ChannelDropout(p)
        self.convs = nn.ModuleList(nn.Conv2d(cin if i == 0 else cout, cout, 3, padding=1) for i in range(convs))
        self.projection = nn.Conv2d(cin, cout, 1) if residual else None

    def forward(self, x, mask=None):
        h = self.norm(x) if self.norm is not None else x
        h = self.dropout(h, mask)
        out = h
        for conv in self.convs:
            out = F.relu(conv(out))
        return out + self.projection(h) if self.projection is not None else out


class UNet(nn.Module):
    """The U-Net backbone (PROTOCOL.md; dev.penumbra.nn.UNet).

    encoder block: [2x2 average pool, not in the first block] -> ConvBlock
    decoder block: bilinear x2 upsampling (align_corners=True) of the deeper map, concatenated [upsampled, skip],
                   then a ConvBlock
    head:          channel dropout -> 1x1 conv to the classes (absent with head=False: forward returns the last
                   decoder's filters[0] x H x W features)
    input_dropout: whether the first block's dropout acts on the input image (as published) or is off.
    """

    def __init__(self, in_channels, classes, filters, convs=3, p=0.0, batch_norm=True, residual=False,
                 input_dropout=True, head=True):
        super().__init__()
        self.encoders = nn.ModuleList()
        channels = in_channels
        for i, f in enumerate(filters):
            self.encoders.append(ConvBlock(channels, f, convs, p if i > 0 or input_dropout else 0.0, batch_norm,
                                           residual))
            channels = f
        # decoders[j] works at level j; its input is the deeper level's output (filters[j+1]) + the skip (filters[j])
        self.decoders = nn.ModuleList(ConvBlock(filters[j + 1] + filters[j], filters[j], convs, p, batch_norm,
                                                residual) for j in range(len(filters) - 1))
        self.head_dropout = ChannelDropout(p) if head else None
        self.head = nn.Conv2d(filters[0], classes, 1) if head else None
        for m in self.modules():
            if isinstance(m, nn.Conv2d):  # He initialisation, zero biases, as the Java U-Net
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)

    def dropouts(self):
        """The channel dropouts in the order a forward pass meets them: encoders from the input down, decoders
        from the deepest up, then the head's."""
        layers = [e.dropout for e in self.encoders] + [d.dropout for d in reversed(self.decoders)]
        return layers + ([self.head_dropout] if self.head_dropout is not None else [])

    def forward(self, x, masks=None):
        """masks: None, or one keep mask (B x C x 1 x 1) per dropout of dropouts(), None where there is none."""
        it = iter(masks if masks is not None else [None] * len(self.dropouts()))
        skips = []
        for i, enc in enumerate(self.encoders):
            if i > 0:
                x = F.avg_pool2d(x, 2)
            x = enc(x, next(it))
            skips.append(x)
        for j in range(len(self.decoders) - 1, -1, -1):
            up = F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)
            x = self.decoders[j](torch.cat([up, skips[j]], dim=1), next(it))
        if self.head is None:
            return x
        return self.head(self.head_dropout(x, next(it)))


class GaussianEncoder(nn.Module):
    """The Probabilistic U-Net's prior or posterior net: U-Net encoder blocks (p = 0), flattened, fully connected
    layers with LeakyReLU, and linear heads for the mean and the log standard deviation (dev.penumbra.nn)."""

    def __init__(self, in_channels, filters, convs, batch_norm, residual, latent_dim, height, width, hidden):
        super().__init__()
        self.encoders = nn.ModuleList()
        channels = in_channels
        for f in filters:
            self.encoders.append(ConvBlock(channels, f, convs, 0.0, batch_norm, residual))
            channels = f
        last = len(filters) - 1
        widths = [filters[-1] * (height >> last) * (width >> last)] + list(hidden)
        self.fc = nn.ModuleList(nn.Linear(widths[i], widths[i + 1]) for i in range(len(hidden)))
        self.mu = nn.Linear(widths[-1], latent_dim)
        self.log_sigma = nn.Linear(widths[-1], latent_dim)

    def forward(self, x):
        """-> (mu, log_sigma), each B x latent_dim."""
        for i, enc in enumerate(self.encoders):
            if i > 0:
                x = F.avg_pool2d(x, 2)
            x = enc(x)
        x = x.reshape(x.shape[0], -1)
        for fc in self.fc:
            x = F.leaky_relu(fc(x), LEAKY_SLOPE)
        return self.mu(x), self.log_sigma(x)


class Fcomb(nn.Module):
    """z tiled over the image, concatenated [features, z], 3 x (1x1 conv + ReLU), 1x1 conv to the classes."""

    def __init__(self, features, latent_dim, classes, layers=3):
        super().__init__()
        width = features + latent_dim
        self.convs = nn.ModuleList(nn.Conv2d(width, width, 1) for _ in range(layers))
        self.out = nn.Conv2d(width, classes, 1)

    def forward(self, features, z):
        b, _, h, w = features.shape
        x = torch.cat([features, z.reshape(b, -1, 1, 1).expand(b, z.shape[1], h, w)], dim=1)
        for conv in self.convs:
            x = F.relu(conv(x))
        return self.out(x)


class LowRankGaussianHead(nn.Module):
    """The SSN's 1x1 heads: mean, factor (R columns per class) and log diagonal; diag = exp(.) + epsilon."""

    def __init__(self, features, classes, rank, epsilon):
        super().__init__()
        self.classes, self.rank, self.epsilon = classes, rank, epsilon
        self.mean = nn.Conv2d(features, classes, 1)
        self.factor = nn.Conv2d(features, classes * rank, 1)
        self.log_diag = nn.Conv2d(features, classes, 1)

    def forward(self, f):
        b, _, h, w = f.shape
        factor = self.factor(f).reshape(b, self.rank, self.classes, h, w)
        return self.mean(f), factor, self.log_diag(f).exp() + self.epsilon


# --- models (dev.penumbra.model) ----------------------------------------------------------------------------------

class SoftmaxUNet(UNet):
    """softmax: forward(x) -> B x C x H x W logits (the U-Net itself)."""

    def sample(self, x, n, generator=None):
        p = UNet.forward(self, x).softmax(1)
        return p.unsqueeze(0).expand(n, *p.shape)


class McDropoutUNet(UNet):
    """mcdropout: forward(x) -> logits with dropout off (eval mode); forward_with_masks(x, masks) -> logits with
    given keep masks; sample(x, n) -> MC-dropout probabilities (dropout on, batch norm on its running statistics)."""

    def mask_shapes(self, x):
        """The B x C x 1 x 1 shape of each keep mask that forward_with_masks takes, in its order."""
        b = x.shape[0]
        channels = [x.shape[1]] + [e.convs[0].out_channels for e in self.encoders[:-1]]
        channels += [d.convs[0].in_channels for d in reversed(self.decoders)] + [self.head.in_channels]
        return [(b, c, 1, 1) for layer, c in zip(self.dropouts(), channels) if layer.p > 0]

    def forward_with_masks(self, x, masks):
        """masks: one 0/1 keep mask per dropout with p > 0, in the order of mask_shapes: the order in which a
        Penumbra forward pass draws them (encoders from the input down, decoders from the deepest up, the head)."""
        active = [layer for layer in self.dropouts() if layer.p > 0]
        if len(masks) != len(active):
            raise ValueError("expected %d masks, one per dropout with p > 0, got %d" % (len(active), len(masks)))
        it = iter(masks)
        return UNet.forward(self, x, [next(it) if layer.p > 0 else None for layer in self.dropouts()])

    def sample(self, x, n, generator=None):
        shapes = self.mask_shapes(x)
        ps = [layer.p for layer in self.dropouts() if layer.p > 0]
        out = []
        for _ in range(n):
            masks = [(torch.rand(s, generator=generator) >= p).float() for s, p in zip(shapes, ps)]
            out.append(self.forward_with_masks(x, masks).softmax(1))
        return torch.stack(out)


class TtaUNet(UNet):
    """tta: forward(x) -> the mean over the group's transforms of t^-1(softmax(unet(t(x)))), B x C x H x W;
    logits(x) -> the U-Net's logits on x itself."""

    # (transpose, flip rows, flip columns), in the order of dev.penumbra.model.Dihedral
    TRANSFORMS = [(False, False, False), (False, False, True), (False, True, False), (False, True, True),
                  (True, False, False), (True, False, True), (True, True, False), (True, True, True)]

    def __init__(self, *args, rotations=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rotations = rotations

    def group(self, x):
        """The transforms that map x's frame onto itself: all 8 with rotations on a square image, else 4 flips."""
        return self.TRANSFORMS if self.rotations and x.shape[2] == x.shape[3] else self.TRANSFORMS[:4]

    @staticmethod
    def _flips(x, rows, columns):
        dims = [d for d, on in ((2, rows), (3, columns)) if on]
        return x.flip(dims) if dims else x

    def under(self, x, transform):
        """B x C x H x W probabilities of x under one (transpose, flip rows, flip columns), mapped back."""
        transpose, rows, columns = transform
        t = self._flips(x.transpose(2, 3) if transpose else x, rows, columns)
        p = self._flips(self.logits(t).softmax(1), rows, columns)
        return p.transpose(2, 3) if transpose else p

    def logits(self, x):
        return UNet.forward(self, x)

    def forward(self, x):
        return torch.stack([self.under(x, t) for t in self.group(x)]).mean(0)

    def sample(self, x, n, generator=None):
        group = self.group(x)
        picks = torch.randint(len(group), (n,), generator=generator).tolist()
        return torch.stack([self.under(x, group[k]) for k in picks])


class Ensemble(nn.Module):
    """ensemble: forward(x) -> mean of the members' softmax probabilities; member_logits(x) -> M x B x C x H x W."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def member_logits(self, x):
        return torch.stack([m(x) for m in self.members])

    def forward(self, x):
        return self.member_logits(x).softmax(2).mean(0)

    def sample(self, x, n, generator=None):
        p = self.member_logits(x).softmax(2)
        return p[torch.randint(len(self.members), (n,), generator=generator)]


class ProbabilisticUNet(nn.Module):
    """punet: forward(x) -> logits with z = the prior mean; forward_z(x, z) -> logits for B x D latents z."""

    def __init__(self, unet, prior, posterior, fcomb, classes):
        super().__init__()
        self.unet, self.prior, self.posterior, self.fcomb = unet, prior, posterior, fcomb
        self.classes = classes

    def forward_z(self, x, z):
        return self.fcomb(self.unet(x), z)

    def forward(self, x):
        mu, _ = self.prior(x)
        return self.forward_z(x, mu)

    def posterior_of(self, x, labels):
        """(mu, log_sigma) of q(z | x, y) for B x H x W (or B x 1 x H x W) class labels."""
        labels = labels.reshape(labels.shape[0], labels.shape[-2], labels.shape[-1]).long()
        onehot = F.one_hot(labels, self.classes).permute(0, 3, 1, 2).to(x.dtype)
        return self.posterior(torch.cat([x, onehot], dim=1))

    def sample(self, x, n, generator=None):
        features = self.unet(x)
        mu, log_sigma = self.prior(x)
        out = []
        for _ in range(n):
            z = mu + log_sigma.exp() * torch.randn(mu.shape, generator=generator)
            out.append(self.fcomb(features, z).softmax(1))
        return torch.stack(out)


class StochasticSegmentationNetwork(nn.Module):
    """ssn: forward(x) -> mean logits; logits_given_noise(x, eps1, eps2) -> n x B x C x H x W logits."""

    def __init__(self, unet, head):
        super().__init__()
        self.unet, self.head = unet, head

    def distribution(self, x):
        """(mean B x C x H x W, factor B x R x C x H x W, diag B x C x H x W) of N(mu, P P^T + D)."""
        return self.head(self.unet(x))

    def forward(self, x):
        return self.distribution(x)[0]

    def logits_given_noise(self, x, eps1, eps2):
        """mu + P eps1 + sqrt(D) eps2; eps1 n x B x R, eps2 n x B x C x H x W (standard normal)."""
        mean, factor, diag = self.distribution(x)
        b, r = factor.shape[0], factor.shape[1]
        low_rank = torch.einsum("nbr,brk->nbk", eps1, factor.reshape(b, r, -1)).reshape(eps2.shape)
        return low_rank + mean.unsqueeze(0) + diag.sqrt().unsqueeze(0) * eps2

    def sample(self, x, n, generator=None):
        mean = self.forward(x)
        b, c, h, w = mean.shape
        eps1 = torch.randn((n, b, self.head.rank), generator=generator)
        eps2 = torch.randn((n, b, c, h, w), generator=generator)
        return self.logits_given_noise(x, eps1, eps2).softmax(2)


def main(argv):
    """python3 penumbra_torch.py model.safetensors: loads the file and prints what it holds."""
    if len(argv) != 2:
        sys.stderr.write("usage: %s model.safetensors\n" % argv[0])
        return 2
    tensors, metadata = read_safetensors(argv[1])
    s = settings_of(metadata, argv[1])
    model = load(argv[1])
    print("%s: %s, %d tensors, %d values; input %d x %d x %d" % (argv[1], s["model"], len(tensors),
          sum(t.numel() for t in tensors.values()), s["input"]["channels"], s["input"]["height"],
          s["input"]["width"]))
    print(type(model).__name__, "in", "train" if model.training else "eval", "mode")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
