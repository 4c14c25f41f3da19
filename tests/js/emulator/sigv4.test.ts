/** @jest-environment node */ // eslint-disable-line jsdoc/check-tag-names
import {
	canonicalRequest,
	credentialScope,
	parseAuthorization,
	sha256Hex,
	signatureHex,
	signingKey,
	signRequest,
	stringToSign,
	verifySigV4,
	type VerifyOptions,
} from '../../../tools/emulator/src/sigv4';

/* Vector `paapi5-getitems-us-sdk-style` (docs/amazon-protocol.md §P4.6). */
const EXAMPLE_KEY = 'AKIDEXAMPLE';
const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const AMZ_DATE = '20250115T093000Z';
const GET_ITEMS_BODY =
	'{"ItemIds": ["B0199980K4", "B000HZD168"], "ItemIdType": "ASIN", "LanguagesOfPreference": ["en_US"], "Marketplace": "www.amazon.com", "PartnerTag": "xyz-20", "PartnerType": "Associates", "Resources": ["Images.Primary.Large", "ItemInfo.Title", "OffersV2.Listings.Price"]}';
const GET_ITEMS_HEADERS: Array< [ string, string ] > = [
	[ 'host', 'webservices.amazon.com' ],
	[ 'content-type', 'application/json; charset=utf-8' ],
	[ 'content-encoding', 'amz-1.0' ],
	[ 'x-amz-date', AMZ_DATE ],
	[ 'x-amz-target', 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems' ],
	[
		'authorization',
		'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/ProductAdvertisingAPI/aws4_request, SignedHeaders=content-encoding;content-type;host;x-amz-date;x-amz-target, Signature=bb585b4840aad70e256c44ab040bb5db8f1187c28d9d6104da3c3edfc9cab30f',
	],
];

function headerMap(
	pairs: Array< [ string, string ] >
): Map< string, string[] > {
	const map = new Map< string, string[] >();
	for ( const [ name, value ] of pairs ) {
		map.set( name.toLowerCase(), [
			...( map.get( name.toLowerCase() ) ?? [] ),
			value,
		] );
	}
	return map;
}

function withHeader(
	pairs: Array< [ string, string ] >,
	name: string,
	value: string
): Array< [ string, string ] > {
	return pairs.map( ( [ n, v ] ) => [ n, n === name ? value : v ] );
}

const OPTIONS: VerifyOptions = {
	now: new Date( '2025-01-15T09:30:00Z' ),
	secretFor: ( key ) => ( key === EXAMPLE_KEY ? EXAMPLE_SECRET : undefined ),
	expectedRegion: 'us-east-1',
};

function verify(
	pairs: Array< [ string, string ] >,
	options: Partial< VerifyOptions > = {},
	body = GET_ITEMS_BODY
) {
	return verifySigV4(
		{
			method: 'POST',
			query: '',
			headers: headerMap( pairs ),
			body: Buffer.from( body ),
			candidates: [
				{ host: 'webservices.amazon.com', path: '/paapi5/getitems' },
			],
		},
		{ ...OPTIONS, ...options }
	);
}

describe( 'SigV4 building blocks: docs/amazon-protocol.md §P4.6 worked example', () => {
	const headers = headerMap( GET_ITEMS_HEADERS );
	const signed = [
		'content-encoding',
		'content-type',
		'host',
		'x-amz-date',
		'x-amz-target',
	];

	it( 'hashes the payload', () => {
		expect( sha256Hex( GET_ITEMS_BODY ) ).toBe(
			'fe5e739a8ce90ed5cfa5c090989bac692a87280d9fef23d53abb9d0fb7f18784'
		);
	} );

	it( 'builds the canonical request, string to sign, signing key and signature', () => {
		const canonical = canonicalRequest( {
			method: 'POST',
			path: '/paapi5/getitems',
			query: '',
			signedHeaders: signed,
			headers,
			payloadHash: sha256Hex( GET_ITEMS_BODY ),
		} );
		expect( canonical ).toBe(
			[
				'POST',
				'/paapi5/getitems',
				'',
				'content-encoding:amz-1.0',
				'content-type:application/json; charset=utf-8',
				'host:webservices.amazon.com',
				'x-amz-date:20250115T093000Z',
				'x-amz-target:com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems',
				'',
				'content-encoding;content-type;host;x-amz-date;x-amz-target',
				'fe5e739a8ce90ed5cfa5c090989bac692a87280d9fef23d53abb9d0fb7f18784',
			].join( '\n' )
		);
		expect( sha256Hex( canonical ) ).toBe(
			'0a7b02d52024539d4a4d482888b1615bba63fdf4443b5bf9b055132d69f67ea4'
		);
		const scope = credentialScope( '20250115', 'us-east-1' );
		expect( scope ).toBe(
			'20250115/us-east-1/ProductAdvertisingAPI/aws4_request'
		);
		const key = signingKey( EXAMPLE_SECRET, '20250115', 'us-east-1' );
		expect( key.toString( 'hex' ) ).toBe(
			'66d75ef7cae5810dd4a91c24f6cff5a469c16c71cfa7c5aa8208f59e825dde2f'
		);
		expect(
			signatureHex( key, stringToSign( AMZ_DATE, scope, canonical ) )
		).toBe(
			'bb585b4840aad70e256c44ab040bb5db8f1187c28d9d6104da3c3edfc9cab30f'
		);
	} );

	it( 'signs the example request to the documented Authorization header', () => {
		const out = signRequest( {
			host: 'webservices.amazon.com',
			path: '/paapi5/getitems',
			body: GET_ITEMS_BODY,
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-encoding': 'amz-1.0',
				'x-amz-target':
					'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.GetItems',
			},
			accessKey: EXAMPLE_KEY,
			secretKey: EXAMPLE_SECRET,
			region: 'us-east-1',
			amzDate: AMZ_DATE,
		} );
		expect( out.Authorization ).toBe( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] );
	} );
} );

describe( 'verifySigV4', () => {
	it( 'accepts the worked example', () => {
		expect( verify( GET_ITEMS_HEADERS ) ).toMatchObject( {
			ok: true,
			accessKey: EXAMPLE_KEY,
			region: 'us-east-1',
		} );
	} );

	it( 'accepts the UK vector with an unsigned content-type (docs/amazon-protocol.md §P4.6)', () => {
		const body =
			'{"Keywords":"kindle","SearchIndex":"All","ItemCount":3,"PartnerTag":"xyz-21","PartnerType":"Associates","Marketplace":"www.amazon.co.uk","Resources":["ItemInfo.Title","OffersV2.Listings.Price"]}';
		const result = verifySigV4(
			{
				method: 'POST',
				query: '',
				body: Buffer.from( body ),
				candidates: [
					{
						host: 'webservices.amazon.co.uk',
						path: '/paapi5/searchitems',
					},
				],
				headers: headerMap( [
					[ 'Host', 'webservices.amazon.co.uk' ],
					[ 'Content-Type', 'application/json; charset=UTF-8' ],
					[ 'X-Amz-Date', AMZ_DATE ],
					[
						'X-Amz-Target',
						'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.SearchItems',
					],
					[ 'Content-Encoding', 'amz-1.0' ],
					[ 'User-Agent', 'paapi-docs-curl/1.0.0' ],
					[
						'Authorization',
						'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/eu-west-1/ProductAdvertisingAPI/aws4_request, SignedHeaders=content-encoding;host;x-amz-date;x-amz-target, Signature=d1b0abad394971576de0334f68b92c90b8eddd01a50245170bca07b77d78d2bf',
					],
				] ),
			},
			{ ...OPTIONS, expectedRegion: 'eu-west-1' }
		);
		expect( result.ok ).toBe( true );
	} );

	it.each( [
		[ 'comma only', ',' ],
		[ 'spaces only', ' ' ],
		[ 'two spaces', '  ' ],
	] )( 'parses the %s Authorization layout', ( _label, separator ) => {
		const auth = ( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] ?? '' ).replace(
			/, /g,
			separator
		);
		expect(
			verify( withHeader( GET_ITEMS_HEADERS, 'authorization', auth ) ).ok
		).toBe( true );
	} );

	it( 'rejects an unknown access key with UnrecognizedClient', () => {
		expect(
			verify( GET_ITEMS_HEADERS, { secretFor: () => undefined } )
		).toMatchObject( { ok: false, failure: 'UnrecognizedClient' } );
	} );

	it( 'rejects a wrong secret or a changed body with InvalidSignature', () => {
		expect(
			verify( GET_ITEMS_HEADERS, { secretFor: () => 'not-the-secret' } )
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
		expect(
			verify(
				GET_ITEMS_HEADERS,
				{},
				GET_ITEMS_BODY.replace( 'xyz-20', 'xyz-21' )
			)
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
	} );

	it( 'rejects a tampered signature with InvalidSignature', () => {
		const auth = ( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] ?? '' ).replace(
			/Signature=bb/,
			'Signature=cc'
		);
		expect(
			verify( withHeader( GET_ITEMS_HEADERS, 'authorization', auth ) )
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
	} );

	it( 'rejects a region that does not belong to the host with InvalidSignature', () => {
		expect(
			verify( GET_ITEMS_HEADERS, { expectedRegion: 'eu-west-1' } )
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
	} );

	it( 'rejects a date more than 15 minutes off with RequestExpired', () => {
		expect(
			verify( GET_ITEMS_HEADERS, {
				now: new Date( '2025-01-15T09:45:00Z' ),
			} ).ok
		).toBe( true );
		expect(
			verify( GET_ITEMS_HEADERS, {
				now: new Date( '2025-01-15T09:45:01Z' ),
			} )
		).toMatchObject( { ok: false, failure: 'RequestExpired' } );
		expect(
			verify( GET_ITEMS_HEADERS, {
				now: new Date( '2025-01-15T09:14:59Z' ),
			} )
		).toMatchObject( { ok: false, failure: 'RequestExpired' } );
	} );

	it( 'rejects a scope date that differs from x-amz-date with InvalidSignature', () => {
		const auth = ( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] ?? '' ).replace(
			'/20250115/',
			'/20250116/'
		);
		expect(
			verify( withHeader( GET_ITEMS_HEADERS, 'authorization', auth ) )
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
	} );

	it( 'rejects incomplete signatures with IncompleteSignature', () => {
		const without = ( name: string ) =>
			GET_ITEMS_HEADERS.filter( ( [ n ] ) => n !== name );
		expect( verify( without( 'authorization' ) ) ).toMatchObject( {
			ok: false,
			failure: 'IncompleteSignature',
		} );
		expect( verify( without( 'x-amz-date' ) ) ).toMatchObject( {
			ok: false,
			failure: 'IncompleteSignature',
		} );
		// A signed header that was not sent.
		expect( verify( without( 'x-amz-target' ) ) ).toMatchObject( {
			ok: false,
			failure: 'IncompleteSignature',
		} );
		const noSignature = ( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] ?? '' ).replace(
			/, Signature=.*/,
			''
		);
		expect(
			verify(
				withHeader( GET_ITEMS_HEADERS, 'authorization', noSignature )
			)
		).toMatchObject( { ok: false, failure: 'IncompleteSignature' } );
	} );

	it( 'requires host and x-amz-date to be signed', () => {
		const signed = signRequest( {
			host: 'webservices.amazon.com',
			path: '/paapi5/getitems',
			body: GET_ITEMS_BODY,
			headers: {},
			accessKey: EXAMPLE_KEY,
			secretKey: EXAMPLE_SECRET,
			region: 'us-east-1',
			amzDate: AMZ_DATE,
		} );
		const auth = ( signed.Authorization ?? '' ).replace(
			'SignedHeaders=host;x-amz-date',
			'SignedHeaders=x-amz-date'
		);
		expect(
			verify( [
				[ 'host', 'webservices.amazon.com' ],
				[ 'x-amz-date', AMZ_DATE ],
				[ 'authorization', auth ],
			] )
		).toMatchObject( { ok: false, failure: 'IncompleteSignature' } );
	} );

	it( 'accepts either signing target offered by a path-routed request', () => {
		const body = '{"PartnerTag":"xyz-21"}';
		const sign = ( host: string, path: string ) =>
			signRequest( {
				host,
				path,
				body,
				headers: { 'x-amz-target': 'T' },
				accessKey: EXAMPLE_KEY,
				secretKey: EXAMPLE_SECRET,
				region: 'eu-west-1',
				amzDate: AMZ_DATE,
			} );
		const received = ( signedHeaders: Record< string, string > ) =>
			verifySigV4(
				{
					method: 'POST',
					query: '',
					body: Buffer.from( body ),
					// What arrives at the emulator: Host is the emulator, the path carries the Amazon host.
					headers: headerMap( [
						...Object.entries( signedHeaders ).filter(
							( [ n ] ) => n !== 'host'
						),
						[ 'host', '127.0.0.1:9411' ],
					] ),
					candidates: [
						{
							host: 'webservices.amazon.de',
							path: '/paapi5/getitems',
						},
						{
							host: '127.0.0.1:9411',
							path: '/webservices.amazon.de/paapi5/getitems',
						},
					],
				},
				{ ...OPTIONS, expectedRegion: 'eu-west-1' }
			);
		expect(
			received( sign( 'webservices.amazon.de', '/paapi5/getitems' ) )
		).toMatchObject( {
			ok: true,
			matched: { host: 'webservices.amazon.de' },
		} );
		expect(
			received(
				sign(
					'127.0.0.1:9411',
					'/webservices.amazon.de/paapi5/getitems'
				)
			)
		).toMatchObject( { ok: true, matched: { host: '127.0.0.1:9411' } } );
		expect(
			received(
				sign(
					'webservices.amazon.de',
					'/webservices.amazon.de/paapi5/getitems'
				)
			)
		).toMatchObject( { ok: false, failure: 'InvalidSignature' } );
	} );

	it( 'trims and collapses header values before signing', () => {
		const signed = signRequest( {
			host: 'webservices.amazon.com',
			path: '/paapi5/getitems',
			body: '{}',
			headers: { 'x-custom': 'a b c' },
			accessKey: EXAMPLE_KEY,
			secretKey: EXAMPLE_SECRET,
			region: 'us-east-1',
			amzDate: AMZ_DATE,
		} );
		const pairs: Array< [ string, string ] > = [
			[ 'host', 'webservices.amazon.com' ],
			[ 'x-amz-date', AMZ_DATE ],
			[ 'x-custom', '  a   b   c ' ],
			[ 'authorization', signed.Authorization ?? '' ],
		];
		expect( verify( pairs, {}, '{}' ).ok ).toBe( true );
	} );

	it( 'parses the credential scope', () => {
		expect( parseAuthorization( GET_ITEMS_HEADERS[ 5 ]?.[ 1 ] ) ).toEqual( {
			accessKey: 'AKIDEXAMPLE',
			date: '20250115',
			region: 'us-east-1',
			service: 'ProductAdvertisingAPI',
			terminator: 'aws4_request',
			signedHeaders: [
				'content-encoding',
				'content-type',
				'host',
				'x-amz-date',
				'x-amz-target',
			],
			signature:
				'bb585b4840aad70e256c44ab040bb5db8f1187c28d9d6104da3c3edfc9cab30f',
		} );
		expect(
			parseAuthorization(
				'AWS4-HMAC-SHA256 Credential=AK/20250115/us-east-1/aws4_request, SignedHeaders=host, Signature=ab'
			)
		).toBeUndefined();
	} );
} );
