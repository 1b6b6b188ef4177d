# showcase in a container, for CI runners and for teams on Windows:
#   docker build -t showcase .
#   docker run --rm -v "$PWD:/projet" -w /projet showcase build
# Two stages: Swift builds the binary (standard library and Foundation linked statically, see script/install),
# then a slim Debian holds it with the C libraries it needs at run time, and nothing else. Without the preview
# server by default (lighter, for CI); with it for writers on Windows:
#   docker build --build-arg APERCU=oui -t showcase .
#   docker run --rm -p 8000:8000 -v "$PWD:/projet" showcase serve --host 0.0.0.0
FROM swift:6.2-bookworm AS construction
WORKDIR /source
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libcmark-dev libyaml-dev libvips-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
ARG APERCU=non
COPY . .
RUN if [ "$APERCU" = oui ]; then PREFIX=/opt/showcase script/install; else PREFIX=/opt/showcase script/install --no-serve; fi

FROM debian:bookworm-slim
# The libraries `ldd` lists for the installed binary, and libvips, which it opens at the first photo, by their
# Debian packages (a test keeps this list true).
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libcmark0.30.2 libglib2.0-0 libvips42 libyaml-0-2 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=construction /opt/showcase/lib/showcase /opt/showcase/lib/showcase
RUN ln -s /opt/showcase/lib/showcase/showcase /usr/local/bin/showcase
WORKDIR /projet
ENTRYPOINT ["showcase"]
CMD ["--help"]
