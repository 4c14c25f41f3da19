#!/usr/bin/env node
/**
 * Writes tests/fixtures/catalog/<country>.json from the compact product list below.
 *
 * The JSON files are what the emulator, PHP tests and e2e read; this script only saves typing
 * (every item gets consistent images, money, browse-node chains). Re-run after editing:
 *   node tools/emulator/scripts/generate-catalog.mjs
 * Output is deterministic (no clock, no randomness).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const OUT_DIR = resolve(
	dirname( fileURLToPath( import.meta.url ) ),
	'../../../tests/fixtures/catalog'
);

const MARKETPLACES = {
	us: {
		host: 'www.amazon.com',
		currency: 'USD',
		locale: 'en_US',
		intl: 'en-US',
		merchant: { id: 'ATVPDKIKX0DER', name: 'Amazon.com' },
		labels: {
			LIST_PRICE: 'List Price:',
			WAS_PRICE: 'Was:',
			LOWEST_PRICE: 'Typical price:',
			LOWEST_PRICE_STRIKETHROUGH: 'Lowest price in 30 days:',
		},
		avail: {
			IN_STOCK: 'In Stock',
			IN_STOCK_SCARCE: 'Only 3 left in stock - order soon.',
			OUT_OF_STOCK: 'Currently unavailable.',
			PREORDER: 'This item will be released on December 5, 2026.',
			LEADTIME: 'Usually ships within 4 to 5 days.',
		},
	},
	uk: {
		host: 'www.amazon.co.uk',
		currency: 'GBP',
		locale: 'en_GB',
		intl: 'en-GB',
		merchant: { id: 'A3P5ROKL5A1OLE', name: 'Amazon.co.uk' },
		labels: {
			LIST_PRICE: 'RRP:',
			WAS_PRICE: 'Was:',
			LOWEST_PRICE: 'Lowest price in 30 days:',
			LOWEST_PRICE_STRIKETHROUGH: 'Lowest price in 30 days:',
		},
		avail: {
			IN_STOCK: 'In stock',
			IN_STOCK_SCARCE: 'Only 2 left in stock.',
			OUT_OF_STOCK: 'Currently unavailable.',
			PREORDER: 'This item will be released on 5 December 2026.',
			LEADTIME: 'Usually dispatched within 1 to 2 months.',
		},
	},
	de: {
		host: 'www.amazon.de',
		currency: 'EUR',
		locale: 'de_DE',
		intl: 'de-DE',
		merchant: { id: 'A3JWKAKR8XB7XF', name: 'Amazon.de' },
		labels: {
			LIST_PRICE: 'UVP:',
			WAS_PRICE: 'Vorher:',
			LOWEST_PRICE: 'Niedrigster Preis in 30 Tagen:',
			LOWEST_PRICE_STRIKETHROUGH: 'Niedrigster Preis in 30 Tagen:',
		},
		avail: {
			IN_STOCK: 'Auf Lager',
			IN_STOCK_SCARCE: 'Nur noch 4 auf Lager',
			OUT_OF_STOCK: 'Derzeit nicht verfügbar.',
			PREORDER: 'Dieser Artikel erscheint am 5. Dezember 2026.',
			LEADTIME: 'Gewöhnlich versandfertig in 1 bis 2 Monaten.',
		},
	},
	fr: {
		host: 'www.amazon.fr',
		currency: 'EUR',
		locale: 'fr_FR',
		intl: 'fr-FR',
		merchant: { id: 'A1X6FK5RDHNB96', name: 'Amazon.fr' },
		labels: {
			LIST_PRICE: 'Prix conseillé :',
			WAS_PRICE: 'Ancien prix :',
			LOWEST_PRICE: 'Prix le plus bas des 30 derniers jours :',
			LOWEST_PRICE_STRIKETHROUGH:
				'Prix le plus bas des 30 derniers jours :',
		},
		avail: {
			IN_STOCK: 'En stock',
			IN_STOCK_SCARCE: 'Il ne reste plus que 3 exemplaire(s) en stock.',
			OUT_OF_STOCK: 'Actuellement indisponible.',
			PREORDER: 'Cet article paraîtra le 5 décembre 2026.',
			LEADTIME: 'Habituellement expédié sous 1 à 2 mois.',
		},
	},
	jp: {
		host: 'www.amazon.co.jp',
		currency: 'JPY',
		locale: 'ja_JP',
		intl: 'ja-JP',
		merchant: { id: 'AN1VRQENFRJN5', name: 'Amazon.co.jp' },
		labels: {
			LIST_PRICE: '参考価格:',
			WAS_PRICE: '過去価格:',
			LOWEST_PRICE: '過去30日の最低価格:',
			LOWEST_PRICE_STRIKETHROUGH: '過去30日の最低価格:',
		},
		avail: {
			IN_STOCK: '在庫あり。',
			IN_STOCK_SCARCE: '残り3点 ご注文はお早めに',
			OUT_OF_STOCK:
				'現在在庫切れです。この商品の再入荷予定は立っておりません。',
			PREORDER: 'この商品は2026/12/5に発売予定です。',
			LEADTIME: '通常1～2か月以内に発送します。',
		},
	},
};

/* Browse-node trees: [id, displayName, parentId|null, searchIndex (roots only), contextFreeName?] */
const NODES = {
	us: [
		[ '172282', 'Electronics', null, 'Electronics' ],
		[
			'172541',
			'Headphones, Earbuds & Accessories',
			'172282',
			null,
			'Headphones',
		],
		[ '12097479011', 'Over-Ear Headphones', '172541' ],
		[ '12097478011', 'Earbud & In-Ear Headphones', '172541' ],
		[ '6563140011', 'Smart Home', null, 'Electronics' ],
		[ '6291358011', 'Smart Plugs', '6563140011' ],
		[ '541966', 'Computers & Accessories', null, 'Computers' ],
		[ '3011391011', 'Laptop Accessories', '541966' ],
		[ '1055398', 'Home & Kitchen', null, 'HomeAndKitchen' ],
		[ '284507', 'Kitchen & Dining', '1055398' ],
		[ '289745', 'Coffee Machines', '284507' ],
		[ '289935', 'Electric Kettles', '284507' ],
		[ '289857', 'Kitchen Knives', '284507', null, "Chef's Knives" ],
		[ '3375251', 'Sports & Outdoors', null, 'SportsAndOutdoors' ],
		[ '3422251', 'Yoga Mats', '3375251' ],
		[ '3375301', 'Water Bottles', '3375251', null, 'Sports Water Bottles' ],
		[ '7141123011', 'Clothing, Shoes & Jewelry', null, 'Fashion' ],
		[ '7147441011', 'Men', '7141123011', null, "Men's Fashion" ],
		[ '2476517011', 'T-Shirts', '7147441011', null, "Men's T-Shirts" ],
		[
			'15743631',
			'Backpacks',
			'7141123011',
			null,
			'Casual Daypack Backpacks',
		],
		[ '283155', 'Books', null, 'Books' ],
		[ '17', 'Literature & Fiction', '283155' ],
		[ '25', 'Science Fiction & Fantasy', '283155' ],
		[ '165793011', 'Toys & Games', null, 'ToysAndGames' ],
		[ '166092011', 'Building Toys', '165793011' ],
		[ '166220011', 'Board Games', '165793011' ],
		[ '3760911', 'Beauty & Personal Care', null, 'Beauty' ],
		[ '11060451', 'Skin Care', '3760911' ],
	],
	uk: [
		[ '560798', 'Electronics & Photo', null, 'Electronics' ],
		[ '4085731', 'Headphones & Earphones', '560798', null, 'Headphones' ],
		[ '11052681', 'Home & Kitchen', null, 'HomeAndKitchen' ],
		[ '11716021', 'Kettles', '11052681' ],
		[ '3147471', 'Toasters', '11052681' ],
		[ '11961464031', 'Fashion', null, 'Fashion' ],
		[ '1769735031', 'Wallets', '11961464031', null, "Men's Wallets" ],
		[ '266239', 'Books', null, 'Books' ],
		[ '72', 'Crime, Thrillers & Mystery', '266239' ],
		[ '340834031', 'Grocery', null, 'GroceryAndGourmetFood' ],
		[ '358592031', 'Tea', '340834031' ],
		[ '79903031', 'DIY & Tools', null, 'ToolsAndHomeImprovement' ],
		[ '1939068031', 'Cordless Drills', '79903031' ],
	],
	de: [
		[ '562066', 'Elektronik & Foto', null, 'Electronics' ],
		[ '570278', 'Kopfhörer', '562066' ],
		[ '3167641', 'Küche, Haushalt & Wohnen', null, 'HomeAndKitchen' ],
		[ '3310781', 'Kaffeevollautomaten', '3167641' ],
		[ '3310821', 'Wasserkocher', '3167641' ],
		[ '80084031', 'Baumarkt', null, 'ToolsAndHomeImprovement' ],
		[ '2077460031', 'Akku-Bohrschrauber', '80084031' ],
		[ '186606', 'Bücher', null, 'Books' ],
		[ '287480', 'Krimis & Thriller', '186606' ],
		[ '11961464031', 'Fashion', null, 'Fashion' ],
		[
			'1760296031',
			'Laufschuhe',
			'11961464031',
			null,
			'Herren-Laufschuhe',
		],
		[ '12950651', 'Spielzeug', null, 'ToysAndGames' ],
		[ '12950661', 'Brettspiele', '12950651' ],
		[ '16435051', 'Sport & Freizeit', null, 'SportsAndOutdoors' ],
		[ '16435121', 'Trinkflaschen', '16435051' ],
	],
	fr: [
		[ '13921051', 'High-Tech', null, 'Electronics' ],
		[
			'14054991',
			'Casques et écouteurs',
			'13921051',
			null,
			'Casques audio',
		],
		[ '57004031', 'Cuisine & Maison', null, 'HomeAndKitchen' ],
		[ '57694031', 'Cafetières', '57004031' ],
		[ '301061', 'Livres', null, 'Books' ],
		[ '301130', 'Romans et littérature', '301061' ],
		[ '197858031', 'Beauté et Parfum', null, 'Beauty' ],
		[ '211021031', 'Soins du visage', '197858031' ],
	],
	jp: [
		[ '3210981', '家電＆カメラ', null, 'Electronics' ],
		[ '3477981', 'ヘッドホン・イヤホン', '3210981' ],
		[ '3828871', 'ホーム＆キッチン', null, 'HomeAndKitchen' ],
		[ '2277721051', '炊飯器', '3828871' ],
		[ '57239051', '食品・飲料・お酒', null, 'GroceryAndGourmetFood' ],
		[ '71442051', '緑茶', '57239051' ],
		[ '465392', '本', null, 'Books' ],
		[ '466298', '文学・評論', '465392' ],
		[ '2229202051', 'ファッション', null, 'Fashion' ],
		[ '2131478051', 'Tシャツ', '2229202051', null, 'メンズTシャツ' ],
		[ '637394', 'ゲーム', null, 'VideoGames' ],
		[ '2494234051', 'Nintendo Switch', '637394' ],
	],
};

/*
 * Products. Keys: asin, title, brand, maker (manufacturer, default brand), features, node,
 * price, list (+ basis, default LIST_PRICE), avail, offers:false, images:false|variants count,
 * ratio [w,h], reviews [stars, count], deal ('limited'|'lightning'|'prime'), seller, rank,
 * binding, group, model, color, size, released, authors, isbn, ean, upc, parent, attrs,
 * excluded, second (a second, non-buy-box listing price), map (violatesMAP), points (JP), perUnit
 * (+ unitCount, or unitDivisor when the unit is a measure such as 100 ml), dims [height, length,
 * width cm, weight kg] (itemDimensions), audience (contentRating), formats (technicalInfo.formats).
 */
const PRODUCTS = {
	us: [
		{
			asin: 'B0C7KX2Q4M',
			title: 'Kestrel Audio K7 Wireless Noise Cancelling Headphones, 40H Battery, Bluetooth 5.3, Multipoint, Black',
			brand: 'Kestrel Audio',
			maker: 'Kestrel Audio Inc.',
			node: '12097479011',
			price: 129.99,
			list: 179.99,
			reviews: [ 4.5, 12873 ],
			deal: 'limited',
			rank: 14,
			model: 'K7-BLK',
			color: 'Black',
			upc: '850026370011',
			features: [
				'Hybrid active noise cancelling with 4 microphones blocks up to 98% of ambient noise',
				'40 hours of playback on a single charge; 10 minutes of charging gives 5 hours',
				'Bluetooth 5.3 multipoint: connect your phone and laptop at the same time',
				'Memory-foam ear cushions for all-day comfort',
				'Foldable design with hard-shell travel case included',
			],
		},
		{
			asin: 'B0C7KX2Q5N',
			title: 'Kestrel Audio Pebble True Wireless Earbuds, IPX5, 28H Playtime, White',
			brand: 'Kestrel Audio',
			node: '12097478011',
			price: 49.99,
			reviews: [ 4.2, 5310 ],
			rank: 52,
			color: 'White',
			features: [
				'IPX5 sweat and water resistance',
				'7 hours per charge, 28 hours with the case',
				'Touch controls and voice assistant support',
			],
		},
		{
			asin: 'B0BQ3WN8ZK',
			title: 'Voltline Smart Plug Mini, WiFi Outlet Works with Alexa and Google Home, 4-Pack',
			brand: 'Voltline',
			node: '6291358011',
			price: 24.99,
			list: 29.99,
			basis: 'WAS_PRICE',
			reviews: [ 4.6, 48211 ],
			rank: 3,
			perUnit: 'Count',
			unitCount: 4,
			features: [
				'Control lights and appliances from anywhere with the Voltline app',
				'Schedules and timers',
				'No hub required, 2.4 GHz WiFi only',
			],
		},
		{
			asin: 'B0D5HJ8T2L',
			title: 'Ridgeway Aluminum Laptop Stand, Ergonomic Adjustable Notebook Riser for 10-17" Laptops, Silver',
			brand: 'Ridgeway',
			node: '3011391011',
			price: 35.99,
			reviews: [ 4.7, 2211 ],
			rank: 120,
			color: 'Silver',
			features: [
				'Six height levels from 2.2" to 6.7"',
				'Solid aluminum alloy, holds up to 44 lbs',
				'Silicone pads protect your desk and laptop',
			],
		},
		{
			asin: 'B0CM9YQH7D',
			title: 'BrewHaven 12-Cup Programmable Drip Coffee Maker with Thermal Carafe, Stainless Steel',
			brand: 'BrewHaven',
			maker: 'BrewHaven Appliances LLC',
			node: '289745',
			price: 89.95,
			list: 119.99,
			reviews: [ 4.3, 8790 ],
			rank: 41,
			model: 'BH-1200TC',
			ratio: [ 4, 5 ],
			features: [
				'Double-wall thermal carafe keeps coffee hot for 4 hours',
				'24-hour programmable timer with auto shut-off',
				'Brew-strength control: regular or bold',
			],
		},
		{
			asin: 'B0CM9YQH8F',
			title: 'BrewHaven Electric Kettle, 1.7 L Glass Kettle with LED Light and Auto Shut-Off, BPA Free',
			brand: 'BrewHaven',
			node: '289935',
			price: 27.49,
			reviews: [ 4.4, 30144 ],
			rank: 9,
			avail: 'IN_STOCK_SCARCE',
			features: [
				'1500 W rapid boil',
				'Boil-dry protection and auto shut-off',
				'Cordless 360° base',
			],
		},
		{
			asin: 'B0B8RZ4XJQ',
			title: 'Acme "Pro" Chef\'s Knife & Sharpener Set <script>alert(1)</script> 8 Inch, High Carbon Stainless Steel',
			brand: 'Acme & Sons',
			maker: 'Acme & Sons <Cutlery> Co.',
			node: '289857',
			price: 39.99,
			list: 59.99,
			reviews: [ 4.1, 912 ],
			rank: 310,
			features: [
				'Edge case: <b>HTML</b> in a feature & an ampersand',
				'Quotes: "double" and \'single\'',
				'Full-tang German steel blade, 56+ HRC',
			],
		},
		{
			asin: 'B0DLONGT1T',
			title: 'Summit Trail Ultra-Lightweight Waterproof Hiking Backpack 40L with Integrated Rain Cover, Ventilated Mesh Back Panel, Hydration Sleeve, Multiple Compartments, Reflective Strips and Trekking Pole Attachments for Men and Women, Perfect for Camping, Travel, Day Hikes, Mountaineering and Everyday Commuting, Available in Several Colors (Forest Green)',
			brand: 'Summit Trail',
			node: '15743631',
			price: 54.99,
			reviews: [ 4.6, 1402 ],
			rank: 77,
			color: 'Forest Green',
			features: [
				'Very long title on purpose (test truncation)',
				'40 L main compartment with laptop sleeve',
				'Rain cover stored in the bottom pocket',
			],
		},
		{
			asin: 'B0CNOOFFR1',
			title: 'Lumora Bamboo Cutting Board Set of 3 with Juice Grooves',
			brand: 'Lumora',
			node: '284507',
			offers: false,
			reviews: [ 4.5, 620 ],
			rank: 1500,
			features: [
				'Edge case: no offers (no listings at all)',
				'Three sizes for meat, vegetables and bread',
			],
		},
		{
			asin: 'B0COUTSTK2',
			title: 'Zenflow Premium Non-Slip Yoga Mat, 6 mm, with Carrying Strap, Lavender',
			brand: 'Zenflow',
			node: '3422251',
			price: 32.0,
			avail: 'OUT_OF_STOCK',
			reviews: [ 4.4, 3021 ],
			rank: 230,
			color: 'Lavender',
			features: [
				'Edge case: out of stock',
				'Eco-friendly TPE, free of latex and PVC',
			],
		},
		{
			asin: 'B0CNOIMG03',
			title: 'HydroPeak Insulated Stainless Steel Water Bottle, 32 oz, Wide Mouth',
			brand: 'HydroPeak',
			node: '3375301',
			price: 22.95,
			images: false,
			reviews: [ 4.8, 15002 ],
			rank: 12,
			features: [
				'Edge case: no images',
				'Keeps drinks cold for 24 hours and hot for 12',
			],
		},
		{
			asin: 'B0BXMAPVIO',
			title: 'Kestrel Audio Studio One Over-Ear Monitor Headphones',
			brand: 'Kestrel Audio',
			node: '12097479011',
			price: 299.0,
			map: true,
			reviews: [ 4.9, 204 ],
			rank: 900,
			features: [
				'Edge case: violatesMAP = true (hide the price)',
				'50 mm beryllium-coated drivers',
			],
		},
		{
			asin: 'B0C2MULTI7',
			title: 'Voltline 65W USB-C GaN Charger, 3-Port Fast Charger for Laptop, Tablet and Phone',
			brand: 'Voltline',
			node: '3011391011',
			price: 39.99,
			second: 36.5,
			reviews: [ 4.6, 7710 ],
			rank: 25,
			deal: 'lightning',
			features: [
				'Two listings: buy-box winner plus a cheaper third-party offer',
				'GaN technology, 45% smaller than standard chargers',
			],
		},
		{
			asin: 'B0BPRIME55',
			title: 'Glowpure Vitamin C Brightening Serum, 1 fl oz',
			brand: 'Glowpure',
			node: '11060451',
			price: 16.8,
			list: 24.0,
			reviews: [ 4.3, 22874 ],
			rank: 4,
			deal: 'prime',
			features: [
				'Prime exclusive deal',
				'20% vitamin C with hyaluronic acid',
			],
		},
		{
			asin: 'B0CBRICKS8',
			title: 'BlockWorks Creator City Fire Station Building Kit (862 Pieces)',
			brand: 'BlockWorks',
			node: '166092011',
			price: 79.99,
			list: 99.99,
			reviews: [ 4.8, 3405 ],
			rank: 33,
			features: [
				'Includes 6 minifigures and a fire truck',
				'For ages 8 and up',
			],
		},
		{
			asin: 'B0CGAME9XZ',
			title: 'Harbor Lights: The Lighthouse Keeper Board Game for 2-5 Players',
			audience: 'Ages 10 and up',
			brand: 'Tidewater Games',
			node: '166220011',
			price: 44.99,
			avail: 'PREORDER',
			rank: 5000,
			released: '2026-12-05T00:00:00Z',
			features: [ 'Edge case: pre-order', '45-minute cooperative game' ],
		},
		{
			asin: 'B0BX9L2KQW',
			title: 'The Quiet Orchard: A Novel',
			brand: 'Harbor House',
			node: '17',
			price: 18.99,
			list: 28.0,
			reviews: [ 4.4, 9182 ],
			rank: 210,
			binding: 'Hardcover',
			group: 'Book',
			authors: [ 'Margaret Ellison' ],
			isbn: '9781668012345',
			pages: 384,
			released: '2025-03-04T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0DSTARS11',
			title: 'Beyond the Ninth Star (The Ninth Star Trilogy, Book 1)',
			brand: 'Orbit Lane',
			node: '25',
			price: 9.99,
			reviews: [ 4.6, 1544 ],
			rank: 880,
			binding: 'Paperback',
			group: 'Book',
			authors: [ 'J. T. Okafor', 'Lena Brandt' ],
			isbn: '9780316551122',
			pages: 512,
			released: '2024-10-15T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0CEXCLD12',
			title: 'Velvet Night Adult Novelty Item',
			brand: 'Velvet Night',
			node: '3760911',
			price: 19.99,
			excluded: true,
			adult: true,
			features: [
				'Edge case: flagged not accessible through the API (ItemNotAccessible)',
			],
		},
		// Variation family: parent + 4 children (color × size).
		{
			asin: 'B0CJ4TSH1R',
			title: "Northfield Men's Classic Crew Neck T-Shirt",
			brand: 'Northfield',
			node: '2476517011',
			offers: false,
			parentOnly: true,
			ratio: [ 4, 5 ],
			rank: 60,
			features: [ '100% combed cotton', 'Tagless neck label' ],
		},
		{
			asin: 'B0CJ4TSBLM',
			title: "Northfield Men's Classic Crew Neck T-Shirt, Black, Medium",
			brand: 'Northfield',
			node: '2476517011',
			parent: 'B0CJ4TSH1R',
			attrs: { color_name: 'Black', size_name: 'Medium' },
			price: 14.99,
			list: 19.99,
			reviews: [ 4.5, 20931 ],
			rank: 60,
			ratio: [ 4, 5 ],
			features: [ '100% combed cotton', 'Tagless neck label' ],
		},
		{
			asin: 'B0CJ4TSBLL',
			title: "Northfield Men's Classic Crew Neck T-Shirt, Black, Large",
			brand: 'Northfield',
			node: '2476517011',
			parent: 'B0CJ4TSH1R',
			attrs: { color_name: 'Black', size_name: 'Large' },
			price: 14.99,
			list: 19.99,
			reviews: [ 4.5, 20931 ],
			rank: 60,
			ratio: [ 4, 5 ],
			features: [ '100% combed cotton' ],
		},
		{
			asin: 'B0CJ4TSNVM',
			title: "Northfield Men's Classic Crew Neck T-Shirt, Navy, Medium",
			brand: 'Northfield',
			node: '2476517011',
			parent: 'B0CJ4TSH1R',
			attrs: { color_name: 'Navy', size_name: 'Medium' },
			price: 16.49,
			reviews: [ 4.5, 20931 ],
			rank: 60,
			ratio: [ 4, 5 ],
			features: [ '100% combed cotton' ],
		},
		{
			asin: 'B0CJ4TSGYL',
			title: "Northfield Men's Classic Crew Neck T-Shirt, Heather Grey, Large",
			brand: 'Northfield',
			node: '2476517011',
			parent: 'B0CJ4TSH1R',
			attrs: { color_name: 'Heather Grey', size_name: 'Large' },
			price: 12.99,
			avail: 'OUT_OF_STOCK',
			reviews: [ 4.5, 20931 ],
			rank: 60,
			ratio: [ 4, 5 ],
			features: [ '100% combed cotton' ],
		},
	],
	uk: [
		{
			asin: 'B0C7KX2Q4M',
			title: 'Kestrel Audio K7 Wireless Noise Cancelling Headphones, 40H Battery, Bluetooth 5.3, Black',
			brand: 'Kestrel Audio',
			node: '4085731',
			price: 109.99,
			list: 159.99,
			reviews: [ 4.5, 4410 ],
			rank: 11,
			color: 'Black',
			features: [
				'Hybrid active noise cancelling',
				'40 hours of playback',
				'Bluetooth 5.3 multipoint',
			],
		},
		{
			asin: 'B0BKETTLE1',
			title: 'Morrow & Finch 1.7L Rapid Boil Kettle, Brushed Steel, 3000W',
			brand: 'Morrow & Finch',
			node: '11716021',
			price: 34.99,
			list: 49.99,
			basis: 'WAS_PRICE',
			reviews: [ 4.5, 18230 ],
			rank: 7,
			features: [
				'Boils a cup in 45 seconds',
				'Removable limescale filter',
			],
		},
		{
			asin: 'B0BTOAST22',
			title: 'Morrow & Finch 4-Slice Toaster with Defrost & Reheat, Cream',
			brand: 'Morrow & Finch',
			node: '3147471',
			price: 44.0,
			reviews: [ 4.3, 5120 ],
			rank: 19,
			color: 'Cream',
			features: [
				'Six browning settings',
				'Extra-wide slots for crumpets and bagels',
			],
		},
		{
			asin: 'B0BTEA0100',
			title: 'Hillcrest Everyday Tea, 240 Tea Bags (Pack of 1)',
			brand: 'Hillcrest',
			node: '358592031',
			price: 4.5,
			reviews: [ 4.8, 60312 ],
			rank: 2,
			perUnit: 'count',
			unitCount: 240,
			features: [
				'Rainforest Alliance certified',
				'A proper British cuppa',
			],
		},
		{
			asin: 'B0BDRILL18',
			title: 'Ironbridge 18V Cordless Combi Drill with 2 x 2.0Ah Batteries & Case',
			brand: 'Ironbridge',
			node: '1939068031',
			price: 89.99,
			list: 129.99,
			deal: 'lightning',
			reviews: [ 4.6, 2301 ],
			rank: 15,
			features: [ '2-speed gearbox, 45 Nm torque', 'LED work light' ],
		},
		{
			asin: 'B0BCRIME31',
			title: 'The Fenland Murders (A DI Harriet Cole Mystery Book 1)',
			brand: 'Blackwater Press',
			node: '72',
			price: 8.99,
			reviews: [ 4.2, 7390 ],
			rank: 120,
			binding: 'Paperback',
			group: 'Book',
			authors: [ 'Eleanor Whitcombe' ],
			isbn: '9781399601234',
			pages: 416,
			released: '2025-06-12T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0BNOSTOCK',
			title: 'Morrow & Finch Stand Mixer 5.5L, Sage Green',
			brand: 'Morrow & Finch',
			node: '11052681',
			price: 249.0,
			avail: 'OUT_OF_STOCK',
			rank: 900,
			features: [ 'Edge case: out of stock' ],
		},
		{
			asin: 'B0BQUOTEA1',
			title: 'Smith & Jones "Heritage" Leather Notebook – A5, Brown',
			brand: 'Smith & Jones',
			node: '11961464031',
			price: 19.5,
			reviews: [ 4.7, 802 ],
			rank: 400,
			features: [ 'Ampersand & quotes in title' ],
		},
		// Variation family (wallet colours).
		{
			asin: 'B00WALLET0',
			title: "Ashcombe Men's RFID Leather Wallet",
			brand: 'Ashcombe',
			node: '1769735031',
			offers: false,
			parentOnly: true,
			ratio: [ 3, 4 ],
			features: [ 'Genuine leather', 'RFID blocking' ],
		},
		{
			asin: 'B00WALLETB',
			title: "Ashcombe Men's RFID Leather Wallet, Brown",
			brand: 'Ashcombe',
			node: '1769735031',
			parent: 'B00WALLET0',
			attrs: { color_name: 'Brown', size_name: 'One Size' },
			price: 17.03,
			list: 24.99,
			basis: 'WAS_PRICE',
			reviews: [ 4.4, 9834 ],
			rank: 3,
			ratio: [ 3, 4 ],
			features: [ 'Genuine leather', 'RFID blocking' ],
		},
		{
			asin: 'B00WALLETK',
			title: "Ashcombe Men's RFID Leather Wallet, Black",
			brand: 'Ashcombe',
			node: '1769735031',
			parent: 'B00WALLET0',
			attrs: { color_name: 'Black', size_name: 'One Size' },
			price: 30.87,
			avail: 'IN_STOCK_SCARCE',
			reviews: [ 4.4, 9834 ],
			rank: 3,
			ratio: [ 3, 4 ],
			features: [ 'Genuine leather', 'RFID blocking' ],
		},
		{
			asin: 'B00WALLETN',
			title: "Ashcombe Men's RFID Leather Wallet, Navy",
			brand: 'Ashcombe',
			node: '1769735031',
			parent: 'B00WALLET0',
			attrs: { color_name: 'Navy', size_name: 'One Size' },
			price: 21.5,
			reviews: [ 4.4, 9834 ],
			rank: 3,
			ratio: [ 3, 4 ],
			features: [ 'Genuine leather' ],
		},
	],
	de: [
		{
			asin: 'B0C7KX2Q4M',
			title: 'Kestrel Audio K7 Kabellose Kopfhörer mit Geräuschunterdrückung, 40 Std. Akku, Bluetooth 5.3, Schwarz',
			brand: 'Kestrel Audio',
			node: '570278',
			price: 119.0,
			list: 169.0,
			basis: 'LOWEST_PRICE',
			reviews: [ 4.4, 3012 ],
			rank: 8,
			color: 'Schwarz',
			features: [
				'Hybride aktive Geräuschunterdrückung mit 4 Mikrofonen',
				'40 Stunden Akkulaufzeit; 10 Minuten Laden für 5 Stunden Musik',
				'Bequeme Ohrpolster aus Memory-Schaum',
			],
		},
		{
			asin: 'B0DKAFFEE1',
			dims: [ 38, 44, 28, 9.5 ],
			title: 'Bärenstein Kaffeevollautomat KV 850 mit Milchsystem, 15 bar, Edelstahl – für Cappuccino & Latte Macchiato',
			brand: 'Bärenstein',
			maker: 'Bärenstein Haushaltsgeräte GmbH',
			node: '3310781',
			price: 449.99,
			list: 699.0,
			basis: 'LIST_PRICE',
			reviews: [ 4.3, 5640 ],
			rank: 4,
			model: 'KV 850',
			ean: '4006508210013',
			energy: 'A',
			deal: 'limited',
			features: [
				'Kegelmahlwerk aus Edelstahl mit 13 Mahlgradstufen',
				'Automatisches Milchsystem für perfekten Milchschaum',
				'Größe: 28 × 38 × 44 cm; Gewicht: 9,5 kg',
			],
		},
		{
			asin: 'B0DKOCHER2',
			title: 'Bärenstein Wasserkocher 1,7 l, 2200 W, Glas mit LED-Beleuchtung, BPA-frei',
			brand: 'Bärenstein',
			node: '3310821',
			price: 29.99,
			reviews: [ 4.5, 11230 ],
			rank: 12,
			features: [
				'Schnelles Aufheizen dank 2200 W',
				'Überhitzungsschutz und Abschaltautomatik',
			],
		},
		{
			asin: 'B0DBOHRER3',
			title: 'Stahlwerk Akku-Bohrschrauber 18 V mit 2 Akkus, Schnellladegerät und 33-tlg. Zubehör im Koffer',
			brand: 'Stahlwerk',
			node: '2077460031',
			price: 79.9,
			list: 119.9,
			basis: 'WAS_PRICE',
			reviews: [ 4.6, 2210 ],
			rank: 21,
			features: [
				'2-Gang-Getriebe, Drehmoment 42 Nm',
				'LED-Arbeitslicht',
			],
		},
		{
			asin: 'B0DKRIMI04',
			formats: [ 'Taschenbuch', 'Großdruck' ],
			title: 'Die Tote am Königssee: Ein Alpen-Krimi (Kommissarin Huber ermittelt 3)',
			brand: 'Ullmann Verlag',
			node: '287480',
			price: 12.0,
			reviews: [ 4.1, 1893 ],
			rank: 150,
			binding: 'Taschenbuch',
			group: 'Book',
			authors: [ 'Franziska Weißhaupt' ],
			isbn: '9783548065432',
			pages: 352,
			released: '2025-02-27T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0DSPIEL05',
			title: 'Siedler der Mühleninsel – Familienspiel für 2–4 Spieler ab 10 Jahren',
			brand: 'Rabenspiele',
			node: '12950661',
			price: 34.99,
			audience: 'Ab 10 Jahren',
			dims: [ 7.5, 29.8, 29.8, 1.3 ],
			reviews: [ 4.7, 990 ],
			rank: 40,
			features: [
				'Spieldauer: ca. 60 Minuten',
				'Mit Erweiterungsmodul „Große Flüsse“',
			],
		},
		{
			asin: 'B0DDUSCHE6',
			title: 'Quellgrün Duschgel Mild mit Aloe Vera, 500 ml – vegan, pH-hautneutral',
			brand: 'Quellgrün',
			node: '16435121',
			price: 9.95,
			list: 12.49,
			basis: 'LIST_PRICE',
			reviews: [ 4.6, 1234 ],
			rank: 55,
			perUnit: '100 ml',
			unitDivisor: 5,
			dims: [ 20.5, 7, 7, 0.55 ],
			formats: [ 'Pumpflasche' ],
			features: [
				'Milde Formel für jeden Tag',
				'500 ml Pumpflasche aus recyceltem Kunststoff',
			],
		},
		{
			asin: 'B0DFLASCHE',
			title: 'Gipfelwerk Edelstahl-Trinkflasche 1 l, auslaufsicher – ohne Bilder',
			brand: 'Gipfelwerk',
			node: '16435121',
			price: 19.95,
			images: false,
			rank: 300,
			features: [ 'Sonderfall: keine Bilder' ],
		},
		{
			asin: 'B0DAUSVERK',
			title: 'Bärenstein Küchenmaschine KM 1200 – ausverkauft',
			brand: 'Bärenstein',
			node: '3167641',
			price: 299.0,
			avail: 'OUT_OF_STOCK',
			rank: 700,
			features: [ 'Sonderfall: nicht auf Lager' ],
		},
		{
			asin: 'B0DKEINANG',
			title: 'Bärenstein Ersatz-Milchschlauch für KV 850 (ohne Angebot)',
			brand: 'Bärenstein',
			node: '3310781',
			offers: false,
			rank: 2400,
			features: [ 'Sonderfall: keine Angebote' ],
		},
		{
			asin: 'B0DSCRIPT9',
			title: 'Müller & Söhne „Klassik“ Messerblock <script>alert(1)</script> – 6-teilig',
			brand: 'Müller & Söhne',
			node: '3167641',
			price: 89.0,
			reviews: [ 4.0, 77 ],
			rank: 800,
			features: [ 'Sonderfall: HTML & Anführungszeichen im Titel' ],
		},
		// Variation family (running shoes, sizes).
		{
			asin: 'B0DSCHUH00',
			title: 'Laufwerk Herren Laufschuhe Aero Run 2',
			brand: 'Laufwerk',
			node: '1760296031',
			offers: false,
			parentOnly: true,
			ratio: [ 4, 3 ],
			features: [
				'Atmungsaktives Mesh-Obermaterial',
				'Dämpfende Zwischensohle',
			],
		},
		{
			asin: 'B0DSCHUH42',
			title: 'Laufwerk Herren Laufschuhe Aero Run 2, Blau, 42 EU',
			brand: 'Laufwerk',
			node: '1760296031',
			parent: 'B0DSCHUH00',
			attrs: { size_name: '42 EU', color_name: 'Blau' },
			price: 89.95,
			list: 119.95,
			reviews: [ 4.3, 640 ],
			rank: 25,
			ratio: [ 4, 3 ],
			features: [ 'Atmungsaktives Mesh-Obermaterial' ],
		},
		{
			asin: 'B0DSCHUH43',
			title: 'Laufwerk Herren Laufschuhe Aero Run 2, Blau, 43 EU',
			brand: 'Laufwerk',
			node: '1760296031',
			parent: 'B0DSCHUH00',
			attrs: { size_name: '43 EU', color_name: 'Blau' },
			price: 92.5,
			reviews: [ 4.3, 640 ],
			rank: 25,
			ratio: [ 4, 3 ],
			features: [ 'Atmungsaktives Mesh-Obermaterial' ],
		},
		{
			asin: 'B0DSCHUH44',
			title: 'Laufwerk Herren Laufschuhe Aero Run 2, Grau, 44 EU',
			brand: 'Laufwerk',
			node: '1760296031',
			parent: 'B0DSCHUH00',
			attrs: { size_name: '44 EU', color_name: 'Grau' },
			price: 84.0,
			reviews: [ 4.3, 640 ],
			rank: 25,
			ratio: [ 4, 3 ],
			features: [ 'Atmungsaktives Mesh-Obermaterial' ],
		},
	],
	fr: [
		{
			asin: 'B0C7KX2Q4M',
			title: 'Kestrel Audio K7 Casque sans fil à réduction de bruit, autonomie 40 h, Bluetooth 5.3, Noir',
			brand: 'Kestrel Audio',
			node: '14054991',
			price: 124.99,
			list: 169.99,
			basis: 'LOWEST_PRICE_STRIKETHROUGH',
			reviews: [ 4.4, 2011 ],
			rank: 10,
			color: 'Noir',
			features: [
				'Réduction de bruit active hybride',
				'40 heures d’autonomie',
				'Bluetooth 5.3 multipoint',
			],
		},
		{
			asin: 'B0FCAFE001',
			title: 'Maison Dorée Cafetière à piston 1 L, verre borosilicaté et acier inoxydable',
			brand: 'Maison Dorée',
			node: '57694031',
			price: 24.9,
			reviews: [ 4.5, 3320 ],
			rank: 6,
			features: [
				'Double filtre en acier inoxydable',
				'Passe au lave-vaisselle',
			],
		},
		{
			asin: 'B0FCAFE002',
			title: 'Maison Dorée Machine à expresso 20 bars avec buse vapeur – « Édition Crème »',
			brand: 'Maison Dorée',
			node: '57694031',
			price: 159.0,
			list: 229.0,
			deal: 'limited',
			reviews: [ 4.2, 870 ],
			rank: 30,
			features: [
				'Pompe italienne 20 bars',
				'Réservoir amovible de 1,5 L',
			],
		},
		{
			asin: 'B0FROMAN03',
			title: 'L’Été des cerisiers : roman',
			brand: 'Éditions du Quai',
			node: '301130',
			price: 21.5,
			reviews: [ 4.3, 540 ],
			rank: 88,
			binding: 'Broché',
			group: 'Book',
			authors: [ 'Camille Aubert' ],
			isbn: '9782070461234',
			pages: 288,
			released: '2025-08-20T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0FSERUM04',
			title: 'Belle Rivière Sérum visage à l’acide hyaluronique, 30 ml',
			brand: 'Belle Rivière',
			node: '211021031',
			price: 18.9,
			list: 26.0,
			reviews: [ 4.6, 4102 ],
			rank: 14,
			features: [ 'Hydratation intense 24 h', 'Fabriqué en France' ],
		},
		{
			asin: 'B0FEPUISE5',
			title: 'Maison Dorée Moulin à café électrique – épuisé',
			brand: 'Maison Dorée',
			node: '57004031',
			price: 39.99,
			avail: 'OUT_OF_STOCK',
			rank: 1200,
			features: [ 'Cas limite : en rupture de stock' ],
		},
		{
			asin: 'B0FAMP0006',
			title: 'Ustensiles « Chef & Compagnie » – lot de 5 <script>alert(1)</script>',
			brand: 'Chef & Compagnie',
			node: '57004031',
			price: 29.9,
			rank: 640,
			features: [ 'Cas limite : guillemets, & et balise script' ],
		},
		{
			asin: 'B0FSANSIMG',
			title: 'Belle Rivière Crème de nuit régénérante 50 ml',
			brand: 'Belle Rivière',
			node: '211021031',
			price: 22.0,
			images: false,
			offers: false,
			rank: 2000,
			features: [ 'Cas limite : ni images ni offres' ],
		},
	],
	jp: [
		{
			asin: 'B0C7KX2Q4M',
			title: 'Kestrel Audio K7 ワイヤレス ノイズキャンセリング ヘッドホン 40時間再生 Bluetooth 5.3 マルチポイント ブラック',
			brand: 'Kestrel Audio',
			node: '3477981',
			price: 16800,
			list: 22800,
			reviews: [ 4.3, 1820 ],
			rank: 9,
			points: 168,
			color: 'ブラック',
			features: [
				'ハイブリッドANCで周囲の騒音を最大98%カット',
				'最大40時間の連続再生',
				'マルチポイント接続対応',
			],
		},
		{
			asin: 'B0JSUIHAN1',
			title: '象山 圧力IH炊飯器 5.5合炊き 黒まる厚釜 ブラック',
			brand: '象山',
			maker: '象山電機株式会社',
			node: '2277721051',
			price: 32800,
			list: 45000,
			basis: 'LIST_PRICE',
			reviews: [ 4.5, 2301 ],
			rank: 3,
			points: 328,
			deal: 'lightning',
			features: [
				'圧力IHで甘みともちもち感を引き出す',
				'黒まる厚釜で均一に加熱',
				'お手入れ簡単な2点洗い',
			],
		},
		{
			asin: 'B0JOCHA100',
			title: '静岡県産 深蒸し緑茶 ティーバッグ 100袋入',
			brand: '茶の香園',
			node: '71442051',
			price: 1280,
			reviews: [ 4.6, 8120 ],
			rank: 5,
			points: 13,
			perUnit: '袋',
			unitCount: 100,
			features: [ '静岡県牧之原産の一番茶を使用', '水出しでも美味しい' ],
		},
		{
			asin: 'B0JBOOK001',
			title: '風の音を聴く夜に（文庫）',
			brand: '青空書房',
			node: '466298',
			price: 880,
			reviews: [ 4.2, 412 ],
			rank: 60,
			points: 9,
			binding: '文庫',
			group: 'Book',
			authors: [ '山田 花子' ],
			isbn: '9784101001234',
			pages: 320,
			released: '2025-04-01T00:00:01Z',
			ratio: [ 2, 3 ],
			features: [],
		},
		{
			asin: 'B0JGAME001',
			audience: 'CERO A（全年齢対象）',
			formats: [ 'Nintendo Switch' ],
			title: '【Switch】星降る島の冒険者たち 通常版',
			brand: 'スターリーゲームズ',
			node: '2494234051',
			price: 6578,
			list: 7678,
			reviews: [ 4.7, 3302 ],
			rank: 2,
			points: 66,
			avail: 'PREORDER',
			released: '2026-12-05T00:00:00Z',
			features: [
				'発売予定日: 2026年12月5日',
				'オンライン協力プレイ対応（最大4人）',
			],
		},
		{
			asin: 'B0JZAIKO00',
			title: '象山 電気ケトル 1.0L 注ぎ口細口 マットホワイト（在庫切れ）',
			brand: '象山',
			node: '3828871',
			price: 4980,
			avail: 'OUT_OF_STOCK',
			rank: 500,
			features: [ 'エッジケース: 在庫切れ' ],
		},
		{
			asin: 'B0JNOOFFER',
			title: '茶の香園 抹茶パウダー 業務用 500g',
			brand: '茶の香園',
			node: '71442051',
			offers: false,
			rank: 3000,
			features: [ 'エッジケース: 出品なし' ],
		},
		{
			asin: 'B0JNOIMAGE',
			title: '茶の香園 ほうじ茶 ティーバッグ 50袋入',
			brand: '茶の香園',
			node: '71442051',
			price: 698,
			images: false,
			rank: 90,
			features: [ 'エッジケース: 画像なし' ],
		},
		// Variation family (T-shirt colours).
		{
			asin: 'B0JTSHIRT0',
			title: '[ユニフィールド] 半袖 Tシャツ メンズ 綿100% 無地',
			brand: 'ユニフィールド',
			node: '2131478051',
			offers: false,
			parentOnly: true,
			ratio: [ 4, 5 ],
			features: [ '綿100%', '洗濯機で洗えます' ],
		},
		{
			asin: 'B0JTSHIRTW',
			title: '[ユニフィールド] 半袖 Tシャツ メンズ 綿100% 無地 ホワイト M',
			brand: 'ユニフィールド',
			node: '2131478051',
			parent: 'B0JTSHIRT0',
			attrs: { color_name: 'ホワイト', size_name: 'M' },
			price: 1490,
			reviews: [ 4.1, 5502 ],
			rank: 8,
			points: 15,
			ratio: [ 4, 5 ],
			features: [ '綿100%' ],
		},
		{
			asin: 'B0JTSHIRTK',
			title: '[ユニフィールド] 半袖 Tシャツ メンズ 綿100% 無地 ブラック M',
			brand: 'ユニフィールド',
			node: '2131478051',
			parent: 'B0JTSHIRT0',
			attrs: { color_name: 'ブラック', size_name: 'M' },
			price: 1590,
			list: 1990,
			reviews: [ 4.1, 5502 ],
			rank: 8,
			points: 16,
			ratio: [ 4, 5 ],
			features: [ '綿100%' ],
		},
	],
};

const DIMENSION_NAMES = {
	color_name: {
		en: 'Color',
		uk: 'Colour',
		de: 'Farbe',
		fr: 'Couleur',
		jp: '色',
	},
	size_name: {
		en: 'Size',
		uk: 'Size',
		de: 'Größe',
		fr: 'Taille',
		jp: 'サイズ',
	},
};

/* ---------------------------------------------------------------- builders */

function hash( text ) {
	return createHash( 'sha256' ).update( text ).digest();
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Amazon-style image id such as `41FYkVPzrIL`, stable per (asin, slot).
 * @param {string} seed `<asin>/<slot>`
 */
function imageId( seed ) {
	const bytes = hash( seed );
	const prefix = [ '41', '51', '61', '71', '81' ][ bytes[ 0 ] % 5 ];
	let id = prefix;
	for ( let i = 1; i <= 8; i++ ) {
		id += BASE62[ bytes[ i ] % 62 ];
	}
	return `${ id }L`;
}

function size( id, suffix, longSide, [ w, h ] ) {
	const scale = longSide / Math.max( w, h );
	return {
		url: `https://m.media-amazon.com/images/I/${ id }${ suffix }.jpg`,
		height: Math.round( h * scale ),
		width: Math.round( w * scale ),
	};
}

function imageSet( id, ratio ) {
	return {
		small: size( id, '._SL75_', 75, ratio ),
		medium: size( id, '._SL160_', 160, ratio ),
		large: size( id, '', 500, ratio ),
		// hiRes dimensions are undocumented; 1500 px long side (docs/amazon-protocol.md §C5.3 EMU-CHOICE).
		hiRes: size( id, '._SL1500_', 1500, ratio ),
	};
}

function money( amount, mp ) {
	const market = MARKETPLACES[ mp ];
	const rounded =
		market.currency === 'JPY'
			? Math.round( amount )
			: Math.round( amount * 100 ) / 100;
	const displayAmount = new Intl.NumberFormat( market.intl, {
		style: 'currency',
		currency: market.currency,
	} ).format( rounded );
	return { amount: rounded, currency: market.currency, displayAmount };
}

function attr( displayValue, label, locale ) {
	return { displayValue, label, locale };
}

function nodeIndex( mp ) {
	const map = new Map();
	for ( const [
		id,
		displayName,
		parentId,
		searchIndex,
		contextFreeName,
	] of NODES[ mp ] ) {
		map.set( id, {
			id,
			displayName,
			contextFreeName: contextFreeName ?? displayName,
			parentId,
			searchIndex,
		} );
	}
	return map;
}

function ancestorChain( node, nodes ) {
	if ( ! node.parentId ) {
		return undefined;
	}
	const parent = nodes.get( node.parentId );
	const chain = {
		contextFreeName: parent.contextFreeName,
		displayName: parent.displayName,
		id: parent.id,
	};
	const above = ancestorChain( parent, nodes );
	return above ? { ...chain, ancestor: above } : chain;
}

function rootOf( node, nodes ) {
	return node.parentId ? rootOf( nodes.get( node.parentId ), nodes ) : node;
}

function listing( p, mp, amount, { buyBox = true, seller } = {} ) {
	const market = MARKETPLACES[ mp ];
	const avail = buyBox ? ( p.avail ?? 'IN_STOCK' ) : 'IN_STOCK';
	const price = { money: money( amount, mp ) };
	if ( buyBox && p.list ) {
		const basis = p.basis ?? 'LIST_PRICE';
		const saved = p.list - amount;
		price.savingBasis = {
			money: money( p.list, mp ),
			savingBasisType: basis,
			savingBasisTypeLabel: market.labels[ basis ],
		};
		price.savings = {
			money: money( saved, mp ),
			percentage: Math.round( ( saved / p.list ) * 100 ),
		};
	}
	const divisor = p.unitDivisor ?? p.unitCount;
	if ( p.perUnit && divisor ) {
		const unit = money( amount / divisor, mp );
		price.pricePerUnit = {
			...unit,
			displayAmount: `${ unit.displayAmount } / ${ p.perUnit }`,
		};
	}
	const out = {
		availability: {
			maxOrderQuantity: avail === 'OUT_OF_STOCK' ? 1 : 30,
			message: market.avail[ avail ],
			minOrderQuantity: 1,
			type: avail,
		},
		condition: { conditionNote: '', subCondition: 'Unknown', value: 'New' },
		isBuyBoxWinner: buyBox && avail !== 'OUT_OF_STOCK',
		merchantInfo: seller ?? market.merchant,
		price,
		violatesMAP: Boolean( p.map ),
	};
	if ( buyBox && p.deal ) {
		out.dealDetails = {
			limited: {
				accessType: 'ALL',
				badge: 'Limited time deal',
				startTime: '2026-11-20T08:00Z',
				endTime: '2027-01-31T07:59:59Z',
			},
			lightning: {
				accessType: 'ALL',
				badge: 'Lightning Deal',
				startTime: '2026-11-20T08:00:00Z',
				endTime: '2027-01-31T07:59:59Z',
				percentClaimed: 42,
			},
			prime: {
				accessType: 'PRIME_EXCLUSIVE',
				badge: 'Prime Exclusive Deal',
				earlyAccessDurationInMilliseconds: 1800000,
				startTime: '2026-11-20T08:00Z',
				endTime: '2027-01-31T07:59:59Z',
			},
		}[ p.deal ];
		if ( p.deal === 'lightning' ) {
			out.type = 'LIGHTNING_DEAL';
		}
	}
	if ( p.points ) {
		out.loyaltyPoints = {
			points: buyBox ? p.points : Math.round( p.points / 2 ),
		};
	}
	return out;
}

function buildItem( p, mp, nodes ) {
	const market = MARKETPLACES[ mp ];
	const locale = market.locale;
	const node = nodes.get( p.node );
	if ( ! node ) {
		throw new Error( `${ mp }/${ p.asin }: unknown node ${ p.node }` );
	}
	const root = rootOf( node, nodes );
	const ratio = p.ratio ?? [ 1, 1 ];
	const item = { asin: p.asin };
	if ( p.parent ) {
		item.parentASIN = p.parent;
	}
	if ( p.images !== false ) {
		const variantCount = typeof p.images === 'number' ? p.images : 2;
		item.images = {
			primary: imageSet( imageId( `${ p.asin }/0` ), ratio ),
			variants: Array.from( { length: variantCount }, ( _, i ) =>
				imageSet( imageId( `${ p.asin }/${ i + 1 }` ), ratio )
			),
		};
	}

	const info = { title: attr( p.title, 'Title', locale ) };
	const byLine = {
		brand: attr( p.brand, 'Brand', locale ),
		manufacturer: attr( p.maker ?? p.brand, 'Manufacturer', locale ),
	};
	if ( p.authors ) {
		byLine.contributors = p.authors.map( ( name ) => ( {
			locale,
			name,
			role: 'Author',
			roleType: 'author',
		} ) );
	}
	info.byLineInfo = byLine;
	info.classifications = {
		binding: attr( p.binding ?? 'Misc.', 'Binding', locale ),
		productGroup: attr(
			p.group ?? root.contextFreeName,
			'ProductGroup',
			locale
		),
	};
	if ( p.features && p.features.length > 0 ) {
		info.features = {
			displayValues: p.features,
			label: 'Features',
			locale,
		};
	}
	const externalIds = {};
	if ( p.isbn ) {
		externalIds.isbns = {
			displayValues: [ p.isbn ],
			label: 'ISBN',
			locale,
		};
		externalIds.eans = { displayValues: [ p.isbn ], label: 'EAN', locale };
	}
	if ( p.ean ) {
		externalIds.eans = { displayValues: [ p.ean ], label: 'EAN', locale };
	}
	if ( p.upc ) {
		externalIds.upcs = { displayValues: [ p.upc ], label: 'UPC', locale };
	}
	if ( Object.keys( externalIds ).length > 0 ) {
		info.externalIds = externalIds;
	}
	if ( p.model ) {
		info.manufactureInfo = {
			itemPartNumber: attr( p.model, 'PartNumber', locale ),
			model: attr( p.model, 'Model', locale ),
			warranty: attr(
				{
					de: '2 Jahre Herstellergarantie',
					fr: 'Garantie 2 ans',
					jp: 'メーカー保証1年',
				}[ mp ] ?? '1 year limited warranty',
				'Warranty',
				locale
			),
		};
	}
	const productInfo = {};
	if ( p.color ?? p.attrs?.color_name ) {
		productInfo.color = attr(
			p.color ?? p.attrs.color_name,
			'Color',
			locale
		);
	}
	if ( p.attrs?.size_name ) {
		productInfo.size = attr( p.attrs.size_name, 'Size', locale );
	}
	productInfo.isAdultProduct = {
		displayValue: Boolean( p.adult ),
		label: 'IsAdultProduct',
		locale,
	};
	if ( p.released ) {
		productInfo.releaseDate = attr( p.released, 'ReleaseDate', locale );
	}
	if ( p.unitCount ) {
		productInfo.unitCount = {
			displayValue: p.unitCount,
			label: 'NumberOfItems',
			locale,
		};
	}
	if ( p.dims ) {
		const [ height, length, width, weight ] = p.dims;
		const measure = ( value, label, unit ) => ( {
			displayValue: value,
			label,
			locale,
			unit,
		} );
		productInfo.itemDimensions = {
			height: measure( height, 'Height', 'centimeters' ),
			length: measure( length, 'Length', 'centimeters' ),
			weight: measure( weight, 'Weight', 'kilograms' ),
			width: measure( width, 'Width', 'centimeters' ),
		};
	}
	info.productInfo = productInfo;
	if ( p.audience ) {
		info.contentRating = {
			audienceRating: attr( p.audience, 'AudienceRating', locale ),
		};
	}
	if ( p.pages ) {
		info.contentInfo = {
			languages: {
				displayValues: [
					{
						displayValue: {
							us: 'English',
							uk: 'English',
							de: 'Deutsch',
							fr: 'Français',
							jp: '日本語',
						}[ mp ],
						type: 'Published',
					},
				],
				label: 'Language',
				locale,
			},
			pagesCount: {
				displayValue: p.pages,
				label: 'NumberOfPages',
				locale,
			},
			publicationDate: attr( p.released, 'PublicationDate', locale ),
		};
	}
	if ( p.energy || p.formats ) {
		info.technicalInfo = {};
		if ( p.energy ) {
			info.technicalInfo.energyEfficiencyClass = attr(
				p.energy,
				'EnergyEfficiencyClass',
				locale
			);
		}
		if ( p.formats ) {
			info.technicalInfo.formats = {
				displayValues: p.formats,
				label: 'Format',
				locale,
			};
		}
	}
	item.itemInfo = info;

	if ( p.offers !== false ) {
		const listings = [ listing( p, mp, p.price ) ];
		if ( p.second ) {
			listings.push(
				listing( p, mp, p.second, {
					buyBox: false,
					seller: {
						id: 'A2EMUSELLER01X',
						name: 'Gadget Outlet Direct',
					},
				} )
			);
		}
		item.offersV2 = { listings };
	}

	const leaf = {
		contextFreeName: node.contextFreeName,
		displayName: node.displayName,
		id: node.id,
		isRoot: ! node.parentId,
		salesRank: p.rank ? Math.max( 1, Math.round( p.rank / 3 ) ) : undefined,
	};
	const ancestor = ancestorChain( node, nodes );
	if ( ancestor ) {
		leaf.ancestor = ancestor;
	}
	if ( leaf.salesRank === undefined ) {
		delete leaf.salesRank;
	}
	item.browseNodeInfo = { browseNodes: [ leaf ] };
	if ( p.rank ) {
		item.browseNodeInfo.websiteSalesRank = {
			contextFreeName: root.contextFreeName,
			displayName: root.displayName,
			id: root.id,
			salesRank: p.rank * 7,
		};
	}

	if ( p.reviews ) {
		item.customerReviews = {
			count: p.reviews[ 1 ],
			starRating: { value: p.reviews[ 0 ] },
		};
	}
	if ( p.attrs ) {
		item.variationAttributes = Object.entries( p.attrs ).map(
			( [ name, value ] ) => ( { name, value } )
		);
	}

	const emulator = { searchIndex: root.searchIndex };
	if ( p.excluded ) {
		emulator.notAccessible = true;
	}
	if ( p.parentOnly ) {
		emulator.variationParent = true;
	}
	item._emulator = emulator;
	return item;
}

function buildMarketplace( mp ) {
	const nodes = nodeIndex( mp );
	const items = PRODUCTS[ mp ].map( ( p ) => buildItem( p, mp, nodes ) );
	const asins = new Set();
	for ( const item of items ) {
		if ( ! /^B0[0-9A-Z]{8}$/.test( item.asin ) ) {
			throw new Error( `${ mp }: bad ASIN ${ item.asin }` );
		}
		if ( asins.has( item.asin ) ) {
			throw new Error( `${ mp }: duplicate ASIN ${ item.asin }` );
		}
		asins.add( item.asin );
	}
	const dims = {};
	for ( const [ name, labels ] of Object.entries( DIMENSION_NAMES ) ) {
		dims[ name ] = labels[ mp === 'us' ? 'en' : mp ];
	}
	return {
		country: mp,
		marketplace: MARKETPLACES[ mp ].host,
		locale: MARKETPLACES[ mp ].locale,
		variationDimensionNames: dims,
		browseNodes: [ ...nodes.values() ].map( ( n ) => {
			const out = {
				id: n.id,
				displayName: n.displayName,
				contextFreeName: n.contextFreeName,
				isRoot: ! n.parentId,
			};
			if ( n.parentId ) {
				out.parentId = n.parentId;
			}
			if ( n.searchIndex ) {
				out.searchIndex = n.searchIndex;
			}
			return out;
		} ),
		items,
	};
}

mkdirSync( OUT_DIR, { recursive: true } );
let total = 0;
for ( const mp of Object.keys( PRODUCTS ) ) {
	const data = buildMarketplace( mp );
	total += data.items.length;
	writeFileSync(
		resolve( OUT_DIR, `${ mp }.json` ),
		`${ JSON.stringify( data, null, '\t' ) }\n`
	);
	process.stdout.write( `${ mp }: ${ data.items.length } items\n` );
}
process.stdout.write( `total: ${ total } items\n` );
