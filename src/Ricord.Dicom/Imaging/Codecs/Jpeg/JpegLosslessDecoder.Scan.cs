namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegLosslessDecoder
{
    /// <summary>Decodes one scan (H.2): Huffman-coded differences from the selected predictor, restart intervals reset prediction.</summary>
    private void DecodeScan(ReadOnlySpan<byte> header)
    {
        int count = header[0];
        if (count == 0 || header.Length < 4 + (2 * count))
        {
            throw new PixelDataException("JPEG scan header is truncated");
        }

        var planes = new int[count][];
        var tables = new JpegHuffmanTable[count];
        for (int i = 0; i < count; i++)
        {
            int index = Array.IndexOf(_componentIds, header[1 + (2 * i)]);
            if (index < 0)
            {
                throw new PixelDataException($"JPEG scan names component {header[1 + (2 * i)]}, which the frame header does not declare");
            }

            planes[i] = _planes[index];
            int td = header[2 + (2 * i)] >> 4;
            tables[i] = (td < 4 ? _tables[td] : null) ?? throw new PixelDataException($"JPEG scan uses Huffman table {td}, which is not defined");
        }

        int predictor = header[1 + (2 * count)];
        int pointTransform = header[3 + (2 * count)] & 15;
        if (predictor is < 1 or > 7)
        {
            throw new PixelDataException($"JPEG lossless predictor (selection value) {predictor} is not 1..7");
        }

        _bits = 0;
        _bitCount = 0;
        int width = _width, height = _height;
        int initial = 1 << (_precision - pointTransform - 1);
        int restart = _restartInterval, untilRestart = restart;
        int firstRow = 0, firstCol = 0;
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                if (restart > 0)
                {
                    if (untilRestart == 0)
                    {
                        SkipRestartMarker();
                        untilRestart = restart;
                        firstRow = y;
                        firstCol = x;
                    }

                    untilRestart--;
                }

                int at = row + x;
                for (int c = 0; c < count; c++)
                {
                    var p = planes[c];
                    int prediction;
                    if (y == firstRow)
                    {
                        prediction = x == firstCol ? initial : p[at - 1];
                    }
                    else if (x == 0 || (y == firstRow + 1 && x < firstCol))
                    {
                        prediction = p[at - width];
                    }
                    else
                    {
                        int ra = p[at - 1], rb = p[at - width], rc = p[at - width - 1];
                        prediction = predictor switch
                        {
                            1 => ra,
                            2 => rb,
                            3 => rc,
                            4 => ra + rb - rc,
                            5 => ra + ((rb - rc) >> 1),
                            6 => rb + ((ra - rc) >> 1),
                            _ => (ra + rb) >> 1,
                        };
                    }

                    p[at] = (prediction + DecodeDifference(tables[c])) & 0xFFFF;
                }
            }
        }

        if (pointTransform > 0)
        {
            foreach (var p in planes)
            {
                for (int i = 0; i < p.Length; i++)
                {
                    p[i] <<= pointTransform;
                }
            }
        }

        // Leave _pos on the marker after the entropy-coded data.
        while (_pos + 1 < _data.Length && !(_data[_pos] == 0xFF && _data[_pos + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
        {
            _pos++;
        }
    }

    private int DecodeDifference(JpegHuffmanTable table)
    {
        if (_bitCount < 32)
        {
            Fill();
        }

        int look = (int)(_bits >> (_bitCount - JpegHuffmanTable.LookupBits)) & ((1 << JpegHuffmanTable.LookupBits) - 1);
        int entry = table.Lookup[look];
        int ssss;
        if (entry != 0)
        {
            _bitCount -= entry >> 8;
            ssss = entry & 0xFF;
        }
        else
        {
            ssss = DecodeLong(table);
        }

        if (ssss == 0)
        {
            return 0;
        }

        if (ssss >= 16)
        {
            return 32768; // H.1.2.2: no extra bits
        }

        int v = (int)(_bits >> (_bitCount - ssss)) & ((1 << ssss) - 1);
        _bitCount -= ssss;
        return v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v; // F.2.2.1 EXTEND
    }

    private int DecodeLong(JpegHuffmanTable table)
    {
        for (int length = JpegHuffmanTable.LookupBits + 1; length <= 16; length++)
        {
            int code = (int)(_bits >> (_bitCount - length)) & ((1 << length) - 1);
            if (code <= table.MaxCode[length])
            {
                _bitCount -= length;
                return table.Values[table.ValPtr[length] + code - table.MinCode[length]];
            }
        }

        throw new PixelDataException($"JPEG entropy-coded data has an invalid Huffman code near byte {_pos}");
    }

    /// <summary>Tops the bit buffer up to at least 56 bits, undoing FF00 stuffing; at a marker (or the end) it feeds zeros.</summary>
    private void Fill()
    {
        while (_bitCount <= 56)
        {
            int b = 0;
            if (_pos < _data.Length)
            {
                b = _data[_pos];
                if (b != 0xFF)
                {
                    _pos++;
                }
                else if (_pos + 1 < _data.Length && _data[_pos + 1] == 0x00)
                {
                    _pos += 2;
                }
                else
                {
                    b = 0; // a marker: stay on it
                }
            }

            _bits = (_bits << 8) | (uint)b;
            _bitCount += 8;
        }
    }

    private void SkipRestartMarker()
    {
        _bits = 0;
        _bitCount = 0;
        while (_pos + 1 < _data.Length && !(_data[_pos] == 0xFF && _data[_pos + 1] is >= 0xD0 and <= 0xD7))
        {
            _pos++;
        }

        if (_pos + 1 >= _data.Length)
        {
            throw new PixelDataException("JPEG restart marker (RSTn) expected but the data ended");
        }

        _pos += 2;
    }
}
